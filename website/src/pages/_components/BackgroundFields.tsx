import { translate } from "@docusaurus/Translate";
import styles from "@site/src/components/account/account.module.css";
import { Field } from "@site/src/components/account/Field.js";
import { LabHardwareField } from "@site/src/components/account/LabHardwareField.js";
import { LevelSelect } from "@site/src/components/account/LevelSelect.js";
import { TextAreaField } from "@site/src/components/account/TextAreaField.js";
import { SOFTWARE_LEVELS } from "@site/src/lib/learner-profile.js";
import type { DraftErrors, ProfileDraft } from "@site/src/lib/profile-form.js";

interface Props {
  draft: ProfileDraft;
  errors: DraftErrors;
  onChange: (change: Partial<ProfileDraft>) => void;
}

/** The background questions, shared by registration and the profile page. */
export function BackgroundFields({ draft, errors, onChange }: Props) {
  return (
    <>
      <div className={styles.twoColumns}>
        <LevelSelect
          label={translate({ id: "profile.field.softwareBackground", message: "Software background" })}
          hint={translate({
            id: "profile.field.softwareBackground.hint",
            message: "Beginners get primers; experienced developers get the deep dives.",
          })}
          levels={SOFTWARE_LEVELS}
          value={draft.softwareBackground}
          onChange={(softwareBackground) => onChange({ softwareBackground })}
        />
        <LabHardwareField value={draft.labHardware} onChange={(labHardware) => onChange({ labHardware })} />
      </div>
      <Field
        label={translate({ id: "profile.field.programmingLanguages", message: "Programming languages" })}
        hint={translate({
          id: "profile.field.programmingLanguages.hint",
          message: "Separate them with commas, e.g. Python, C++",
        })}
        value={draft.programmingLanguages}
        onChange={(programmingLanguages) => onChange({ programmingLanguages })}
        error={errors.programmingLanguages}
      />
      <TextAreaField
        label={translate({ id: "profile.field.roboticsExperience", message: "Robotics experience" })}
        hint={translate({
          id: "profile.field.roboticsExperience.hint",
          message: "Optional: projects, courses, robots you have worked with.",
        })}
        value={draft.roboticsExperience}
        onChange={(roboticsExperience) => onChange({ roboticsExperience })}
        error={errors.roboticsExperience}
        maxLength={4000}
      />
      <TextAreaField
        label={translate({ id: "profile.field.learningGoals", message: "Learning goals" })}
        hint={translate({
          id: "profile.field.learningGoals.hint",
          message: "Optional: what do you want to build or understand?",
        })}
        value={draft.learningGoals}
        onChange={(learningGoals) => onChange({ learningGoals })}
        error={errors.learningGoals}
        maxLength={4000}
      />
    </>
  );
}
