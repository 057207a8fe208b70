import { BACKGROUND_LEVELS as LEVELS, type BackgroundLevel as Level } from "@textbook/profile-api/contract";
import { useId } from "react";
import { LEVEL_LABELS } from "../../lib/learner-profile.js";
import styles from "./account.module.css";

interface Props {
  label: string;
  hint: string;
  value: Level | null;
  onChange: (value: Level | null) => void;
  /** The levels offered (all four by default). */
  levels?: readonly Level[];
}

/** A labelled choice of background level (or no answer). */
export function LevelSelect({ label, hint, value, onChange, levels = LEVELS }: Props) {
  const id = useId();
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ""}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange((event.currentTarget.value || null) as Level | null)}
      >
        <option value="">Prefer not to say</option>
        {levels.map((level) => (
          <option key={level} value={level}>
            {LEVEL_LABELS[level]}
          </option>
        ))}
      </select>
      <small id={`${id}-hint`} className={styles.hint}>
        {hint}
      </small>
    </div>
  );
}
