import styles from "../../components/account/account.module.css";
import { Field } from "../../components/account/Field.js";
import { LabHardwareField } from "../../components/account/LabHardwareField.js";
import { LevelSelect } from "../../components/account/LevelSelect.js";
import { TextAreaField } from "../../components/account/TextAreaField.js";
import { SOFTWARE_LEVELS } from "../../lib/learner-profile.js";
import type { DraftErrors, ProfileDraft } from "../../lib/profile-form.js";

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
          label="Software background"
          hint="Beginners get primers; experienced developers get the deep dives."
          levels={SOFTWARE_LEVELS}
          value={draft.softwareBackground}
          onChange={(softwareBackground) => onChange({ softwareBackground })}
        />
        <LabHardwareField value={draft.labHardware} onChange={(labHardware) => onChange({ labHardware })} />
      </div>
      <Field
        label="Programming languages"
        hint="Separate them with commas, e.g. Python, C++"
        value={draft.programmingLanguages}
        onChange={(programmingLanguages) => onChange({ programmingLanguages })}
        error={errors.programmingLanguages}
      />
      <TextAreaField
        label="Robotics experience"
        hint="Optional: projects, courses, robots you have worked with."
        value={draft.roboticsExperience}
        onChange={(roboticsExperience) => onChange({ roboticsExperience })}
        error={errors.roboticsExperience}
        maxLength={4000}
      />
      <TextAreaField
        label="Learning goals"
        hint="Optional: what do you want to build or understand?"
        value={draft.learningGoals}
        onChange={(learningGoals) => onChange({ learningGoals })}
        error={errors.learningGoals}
        maxLength={4000}
      />
    </>
  );
}
