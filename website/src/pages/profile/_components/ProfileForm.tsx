import { translate } from "@docusaurus/Translate";
import { Alert } from "@site/src/components/account/Alert.js";
import styles from "@site/src/components/account/account.module.css";
import { Field } from "@site/src/components/account/Field.js";
import { FormFailure } from "@site/src/components/account/FormFailure.js";
import { useFormSubmit } from "@site/src/components/account/use-form-submit.js";
import { useProfile } from "@site/src/components/profile/ProfileProvider.js";
import type { ProfileApiClient, VersionedProfile } from "@site/src/lib/profile-api-client.js";
import { ProfileApiError } from "@site/src/lib/profile-api-error.js";
import { fieldErrorsOf } from "@site/src/lib/profile-api-error-message.js";
import {
  type DraftErrors,
  fromDraft,
  type ProfileDraft,
  toDraft,
  validateDraft,
} from "@site/src/lib/profile-form.js";
import { BackgroundFields } from "@site/src/pages/_components/BackgroundFields.js";
import { type FormEvent, useState } from "react";
import { ConflictNotice } from "./ConflictNotice.js";

interface Props {
  api: ProfileApiClient;
  current: VersionedProfile | null;
  fallbackName: string;
}

type Outcome = { kind: "saved" } | { kind: "conflict"; theirs: VersionedProfile | null };

/**
 * Edits every profile field. Saving sends the ETag the form started from (If-Match): when another tab saved
 * in between, the learner's edits stay in the form and the notice says what the other version holds.
 */
export function ProfileForm({ api, current, fallbackName }: Props) {
  const { update } = useProfile();
  const [draft, setDraft] = useState<ProfileDraft>(() => toDraft(current?.profile ?? null, fallbackName));
  const [baseEtag, setBaseEtag] = useState(current?.etag ?? null);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const submit = useFormSubmit();
  const change = (part: Partial<ProfileDraft>) => {
    setDraft({ ...draft, ...part });
    if (outcome?.kind === "saved") setOutcome(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setOutcome(null);
    await submit.run(
      async () => {
        try {
          const saved = await api.putProfile(fromDraft(draft), baseEtag);
          setBaseEtag(saved.etag);
          update(saved);
          setOutcome({ kind: "saved" });
        } catch (error) {
          if (!(error instanceof ProfileApiError && error.code === "precondition_failed")) throw error;
          const theirs = await api.getProfile().catch(() => null);
          // The next save overwrites their version on purpose: the learner has now seen it.
          setBaseEtag(theirs?.etag ?? null);
          setOutcome({ kind: "conflict", theirs });
        }
      },
      { service: "profile", onFailure: (error) => setErrors(fieldErrorsOf(error)) },
    );
  };

  return (
    <form className={styles.form} onSubmit={save} noValidate>
      <Field
        label={translate({ id: "profile.field.displayName", message: "Display name" })}
        autoComplete="name"
        required
        value={draft.displayName}
        onChange={(displayName) => change({ displayName })}
        error={errors.displayName}
      />
      <BackgroundFields draft={draft} errors={errors} onChange={change} />
      <div className={styles.twoColumns}>
        <Field
          label={translate({ id: "profile.field.avatarUrl", message: "Avatar URL" })}
          type="url"
          hint={translate({
            id: "profile.field.avatarUrl.hint",
            message: "Optional: an https:// link to a picture.",
          })}
          value={draft.avatarUrl}
          onChange={(avatarUrl) => change({ avatarUrl })}
          error={errors.avatarUrl}
        />
        <Field
          label={translate({ id: "profile.field.preferredLanguage", message: "Preferred language" })}
          hint={translate({
            id: "profile.field.preferredLanguage.hint",
            message: "A language tag, e.g. en or ur.",
          })}
          value={draft.preferredLanguage}
          onChange={(preferredLanguage) => change({ preferredLanguage })}
          error={errors.preferredLanguage}
        />
      </div>
      {outcome?.kind === "saved" ? (
        <Alert kind="success">{translate({ id: "profile.saved", message: "Your profile is saved." })}</Alert>
      ) : null}
      <FormFailure submit={submit} />
      {outcome?.kind === "conflict" ? <ConflictNotice mine={draft} theirs={outcome.theirs} /> : null}
      <button className={`button button--primary ${styles.submit}`} type="submit" disabled={submit.busy}>
        {submit.busy
          ? translate({ id: "profile.saving", message: "Saving…" })
          : outcome?.kind === "conflict"
            ? translate({ id: "profile.saveMine", message: "Save my version" })
            : translate({ id: "profile.save", message: "Save profile" })}
      </button>
    </form>
  );
}
