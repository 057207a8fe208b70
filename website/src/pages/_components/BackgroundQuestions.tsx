import Translate, { translate } from "@docusaurus/Translate";
import { Alert } from "@site/src/components/account/Alert.js";
import styles from "@site/src/components/account/account.module.css";
import { Field } from "@site/src/components/account/Field.js";
import { FormFailure } from "@site/src/components/account/FormFailure.js";
import { useFormSubmit } from "@site/src/components/account/use-form-submit.js";
import { useProfile } from "@site/src/components/profile/ProfileProvider.js";
import type { ProfileApiClient } from "@site/src/lib/profile-api-client.js";
import { fieldErrorsOf } from "@site/src/lib/profile-api-error-message.js";
import {
  type DraftErrors,
  fromDraft,
  type ProfileDraft,
  toDraft,
  validateDraft,
} from "@site/src/lib/profile-form.js";
import { type FormEvent, useState } from "react";
import { BackgroundFields } from "./BackgroundFields.js";

interface Props {
  api: ProfileApiClient;
  /** The name the provider gave: the answer the learner most likely wants. */
  name: string;
  onSaved: () => void;
}

/** The registration form's profile questions, for a learner who signed in without registering here. */
export function BackgroundQuestions({ api, name, onSaved }: Props) {
  const { update } = useProfile();
  const [draft, setDraft] = useState<ProfileDraft>(() => toDraft(null, name));
  const [errors, setErrors] = useState<DraftErrors>({});
  const submit = useFormSubmit();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await submit.run(
      async () => {
        update(await api.putProfile(fromDraft(draft)));
        onSaved();
      },
      { service: "profile", keepBusy: true, onFailure: (error) => setErrors(fieldErrorsOf(error)) },
    );
  };

  return (
    <form className={styles.form} onSubmit={save} noValidate>
      <Alert kind="info">
        <Translate id="account.welcome.questions">
          A few questions first, as when registering: your answers decide which primers, deep dives and lab
          variants the chapters show you. You can change them on your profile at any time.
        </Translate>
      </Alert>
      <FormFailure submit={submit} />
      <Field
        label={translate({ id: "account.welcome.name", message: "Name" })}
        autoComplete="name"
        required
        value={draft.displayName}
        onChange={(displayName) => setDraft({ ...draft, displayName })}
        error={errors.displayName}
      />
      <fieldset className={styles.fieldset}>
        <legend>
          <Translate id="account.welcome.background">Your background</Translate>
        </legend>
        <BackgroundFields
          draft={draft}
          errors={errors}
          onChange={(change) => setDraft({ ...draft, ...change })}
        />
      </fieldset>
      <button
        className={`button button--primary button--block ${styles.submit}`}
        type="submit"
        disabled={submit.busy}
      >
        {submit.busy ? (
          <Translate id="account.welcome.saving">Saving…</Translate>
        ) : (
          <Translate id="account.welcome.save">Save and continue</Translate>
        )}
      </button>
    </form>
  );
}
