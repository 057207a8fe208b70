import Translate, { translate } from "@docusaurus/Translate";
import { Alert } from "@site/src/components/account/Alert.js";
import type { VersionedProfile } from "@site/src/lib/profile-api-client.js";
import { type ProfileDraft, toDraft } from "@site/src/lib/profile-form.js";

/** The profile's fields as the notice names them, in the order of the form. */
function fieldLabels(): Record<keyof ProfileDraft, string> {
  return {
    displayName: translate({ id: "profile.field.displayName", message: "Display name" }),
    avatarUrl: translate({ id: "profile.field.avatarUrl", message: "Avatar URL" }),
    softwareBackground: translate({ id: "profile.field.softwareBackground", message: "Software background" }),
    hardwareBackground: translate({ id: "profile.field.hardwareBackground", message: "Hardware background" }),
    labHardware: translate({ id: "profile.field.labHardware", message: "What you can run the labs on" }),
    programmingLanguages: translate({
      id: "profile.field.programmingLanguages",
      message: "Programming languages",
    }),
    roboticsExperience: translate({ id: "profile.field.roboticsExperience", message: "Robotics experience" }),
    learningGoals: translate({ id: "profile.field.learningGoals", message: "Learning goals" }),
    preferredLanguage: translate({ id: "profile.field.preferredLanguage", message: "Preferred language" }),
  };
}

/** Explains a save refused because the profile changed elsewhere, listing where the two versions differ. */
export function ConflictNotice({ mine, theirs }: { mine: ProfileDraft; theirs: VersionedProfile | null }) {
  const labels = fieldLabels();
  const other = toDraft(theirs?.profile ?? null);
  const differences = (Object.keys(labels) as (keyof ProfileDraft)[]).filter(
    // JSON, so that lists (the lab hardware) compare by value.
    (field) => JSON.stringify(mine[field] ?? "") !== JSON.stringify(other[field] ?? ""),
  );
  const empty = translate({ id: "profile.conflict.empty", message: "(empty)" });
  return (
    <Alert kind="warning">
      <p>
        <Translate
          id="profile.conflict.notSaved"
          values={{
            notSaved: (
              <strong>
                {translate({
                  id: "profile.conflict.notSaved.strong",
                  message: "Not saved: your profile was changed in another tab or device",
                })}
              </strong>
            ),
          }}
        >
          {
            "{notSaved} after you opened this page. Your edits are still in the form. Save again to keep your version, or reload to take the other one."
          }
        </Translate>
      </p>
      {theirs && differences.length > 0 ? (
        <ul>
          {differences.map((field) => (
            <li key={field}>
              <Translate
                id="profile.conflict.theirValue"
                values={{ field: labels[field], value: <q>{String(other[field] ?? "") || empty}</q> }}
              >
                {"{field} there: {value}"}
              </Translate>
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
