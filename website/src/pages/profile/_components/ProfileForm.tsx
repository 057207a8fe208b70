import { type FormEvent, useState } from "react";
import { Alert } from "../../../components/account/Alert.js";
import styles from "../../../components/account/account.module.css";
import { Field } from "../../../components/account/Field.js";
import { useProfile } from "../../../components/profile/ProfileProvider.js";
import type { ProfileApiClient, VersionedProfile } from "../../../lib/profile-api-client.js";
import { ProfileApiError } from "../../../lib/profile-api-error.js";
import {
  type DraftErrors,
  fromDraft,
  type ProfileDraft,
  toDraft,
  validateDraft,
} from "../../../lib/profile-form.js";
import { BackgroundFields } from "../../_components/BackgroundFields.js";
import { ConflictNotice } from "./ConflictNotice.js";

interface Props {
  api: ProfileApiClient;
  current: VersionedProfile | null;
  fallbackName: string;
}

type Outcome =
  | { kind: "saved" }
  | { kind: "conflict"; theirs: VersionedProfile | null }
  | { kind: "error"; message: string };

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
  const [busy, setBusy] = useState(false);
  const change = (part: Partial<ProfileDraft>) => {
    setDraft({ ...draft, ...part });
    if (outcome?.kind === "saved") setOutcome(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const saved = await api.putProfile(fromDraft(draft), baseEtag);
      setBaseEtag(saved.etag);
      update(saved);
      setOutcome({ kind: "saved" });
    } catch (error) {
      await explain(error);
    } finally {
      setBusy(false);
    }
  };

  const explain = async (error: unknown) => {
    if (!(error instanceof ProfileApiError)) throw error;
    if (error.code === "precondition_failed") {
      const theirs = await api.getProfile().catch(() => null);
      // The next save overwrites their version on purpose: the learner has now seen it.
      setBaseEtag(theirs?.etag ?? null);
      setOutcome({ kind: "conflict", theirs });
      return;
    }
    if (error.code === "validation_failed") {
      // "programmingLanguages.3" is a problem of the programmingLanguages field.
      setErrors(
        Object.fromEntries(error.details.map(({ field, message }) => [field.split(/[./[]/)[0], message])),
      );
    }
    setOutcome({ kind: "error", message: saveErrorMessage(error) });
  };

  return (
    <form className={styles.form} onSubmit={save} noValidate>
      <Field
        label="Display name"
        autoComplete="name"
        required
        value={draft.displayName}
        onChange={(displayName) => change({ displayName })}
        error={errors.displayName}
      />
      <BackgroundFields draft={draft} errors={errors} onChange={change} />
      <div className={styles.twoColumns}>
        <Field
          label="Avatar URL"
          type="url"
          hint="Optional: an https:// link to a picture."
          value={draft.avatarUrl}
          onChange={(avatarUrl) => change({ avatarUrl })}
          error={errors.avatarUrl}
        />
        <Field
          label="Preferred language"
          hint="A language tag, e.g. en or ur."
          value={draft.preferredLanguage}
          onChange={(preferredLanguage) => change({ preferredLanguage })}
          error={errors.preferredLanguage}
        />
      </div>
      {outcome?.kind === "saved" ? <Alert kind="success">Your profile is saved.</Alert> : null}
      {outcome?.kind === "error" ? <Alert kind="danger">{outcome.message}</Alert> : null}
      {outcome?.kind === "conflict" ? <ConflictNotice mine={draft} theirs={outcome.theirs} /> : null}
      <button className={`button button--primary ${styles.submit}`} type="submit" disabled={busy}>
        {busy ? "Saving…" : outcome?.kind === "conflict" ? "Save my version" : "Save profile"}
      </button>
    </form>
  );
}

function saveErrorMessage(error: ProfileApiError): string {
  switch (error.code) {
    case "validation_failed":
      return `Some answers need fixing: ${error.details.map(({ field, message }) => `${field} ${message}`).join("; ") || error.message}`;
    case "unauthorized":
      return "Your session has ended. Sign in again, then save.";
    case "rate_limited":
      return "Too many changes in a short time. Wait a minute, then save again.";
    case "service_unavailable":
    case "database_unavailable":
      return "The profile service is unavailable right now, so your changes are not saved yet. Try again in a moment.";
    default:
      return `Your profile could not be saved: ${error.message}`;
  }
}
