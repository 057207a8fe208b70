import { Alert } from "../../../components/account/Alert.js";
import type { VersionedProfile } from "../../../lib/profile-api-client.js";
import { type ProfileDraft, toDraft } from "../../../lib/profile-form.js";

const FIELD_LABELS: Record<keyof ProfileDraft, string> = {
  displayName: "Display name",
  avatarUrl: "Avatar URL",
  softwareBackground: "Software background",
  hardwareBackground: "Hardware background",
  labHardware: "What you can run the labs on",
  programmingLanguages: "Programming languages",
  roboticsExperience: "Robotics experience",
  learningGoals: "Learning goals",
  preferredLanguage: "Preferred language",
};

/** Explains a save refused because the profile changed elsewhere, listing where the two versions differ. */
export function ConflictNotice({ mine, theirs }: { mine: ProfileDraft; theirs: VersionedProfile | null }) {
  const other = toDraft(theirs?.profile ?? null);
  const differences = (Object.keys(FIELD_LABELS) as (keyof ProfileDraft)[]).filter(
    // JSON, so that lists (the lab hardware) compare by value.
    (field) => JSON.stringify(mine[field] ?? "") !== JSON.stringify(other[field] ?? ""),
  );
  return (
    <Alert kind="warning">
      <p>
        <strong>Not saved: your profile was changed in another tab or device</strong> after you opened this
        page. Your edits are still in the form. Save again to keep your version, or reload to take the other
        one.
      </p>
      {theirs && differences.length > 0 ? (
        <ul>
          {differences.map((field) => (
            <li key={field}>
              {FIELD_LABELS[field]} there: <q>{String(other[field] ?? "") || "(empty)"}</q>
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
