import { translate } from "@docusaurus/Translate";
import { levelLabel } from "@site/src/lib/level-label.js";
import { BACKGROUND_LEVELS as LEVELS, type BackgroundLevel as Level } from "@textbook/profile-api/contract";
import { FieldFrame } from "./FieldFrame.js";

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
  return (
    <FieldFrame label={label} hint={hint}>
      {(control) => (
        <select
          {...control}
          value={value ?? ""}
          onChange={(event) => onChange((event.currentTarget.value || null) as Level | null)}
        >
          <option value="">
            {translate({ id: "profile.level.unanswered", message: "Prefer not to say" })}
          </option>
          {levels.map((level) => (
            <option key={level} value={level}>
              {levelLabel(level)}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
