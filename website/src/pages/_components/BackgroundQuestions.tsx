import Translate, { translate } from "@docusaurus/Translate";
import { type FormEvent, useState } from "react";
import { Alert } from "../../components/account/Alert.js";
import styles from "../../components/account/account.module.css";
import { Field } from "../../components/account/Field.js";
import { useProfile } from "../../components/profile/ProfileProvider.js";
import type { ProfileApiClient } from "../../lib/profile-api-client.js";
import { ProfileApiError } from "../../lib/profile-api-error.js";
import {
  type DraftErrors,
  fromDraft,
  type ProfileDraft,
  toDraft,
  validateDraft,
} from "../../lib/profile-form.js";
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
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      update(await api.putProfile(fromDraft(draft)));
      onSaved();
    } catch (error) {
      setBusy(false);
      if (error instanceof ProfileApiError && error.code === "validation_failed") {
        setErrors(
          Object.fromEntries(error.details.map(({ field, message }) => [field.split(/[./[]/)[0], message])),
        );
      }
      setFailure(
        translate({
          id: "account.welcome.saveFailed",
          message: "Your answers could not be saved. Check them and try again.",
        }),
      );
    }
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <Alert kind="info">
        <Translate id="account.welcome.questions">
          A few questions first, as when registering: your answers decide which primers, deep dives and lab
          variants the chapters show you. You can change them on your profile at any time.
        </Translate>
      </Alert>
      {failure ? <Alert kind="danger">{failure}</Alert> : null}
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
        disabled={busy}
      >
        {busy ? (
          <Translate id="account.welcome.saving">Saving…</Translate>
        ) : (
          <Translate id="account.welcome.save">Save and continue</Translate>
        )}
      </button>
    </form>
  );
}
