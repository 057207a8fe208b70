import { translate } from "@docusaurus/Translate";
import { LAB_HARDWARE, type LabHardware } from "@textbook/profile-api/contract";
import { useId } from "react";
import styles from "./account.module.css";

function choiceLabel(choice: LabHardware): string {
  switch (choice) {
    case "simulation":
      return translate({ id: "profile.labHardware.simulation", message: "Simulation on my computer" });
    case "gpu":
      return translate({ id: "profile.labHardware.gpu", message: "A GPU workstation or a Jetson" });
    case "robot":
      return translate({ id: "profile.labHardware.robot", message: "A real robot or kit" });
  }
}

interface Props {
  value: LabHardware[] | null;
  onChange: (value: LabHardware[] | null) => void;
}

/** "What can you run the labs on?": checkboxes, several may apply; none ticked means not answered. */
export function LabHardwareField({ value, onChange }: Props) {
  const id = useId();
  const chosen = new Set(value ?? []);
  const toggle = (choice: LabHardware, on: boolean) => {
    const next = LAB_HARDWARE.filter((item) => (item === choice ? on : chosen.has(item)));
    onChange(next.length > 0 ? next : null);
  };
  return (
    <fieldset className={styles.choices} aria-describedby={`${id}-hint`}>
      <legend>
        {translate({ id: "profile.labHardware.label", message: "What can you run the labs on?" })}
      </legend>
      {LAB_HARDWARE.map((choice) => (
        <label key={choice} className={styles.choice}>
          <input
            type="checkbox"
            checked={chosen.has(choice)}
            onChange={(event) => toggle(choice, event.currentTarget.checked)}
          />
          {choiceLabel(choice)}
        </label>
      ))}
      <small id={`${id}-hint`} className={styles.hint}>
        {translate({
          id: "profile.labHardware.hint",
          message:
            "Tick all that apply. Every lab can be done in simulation; with a real robot or kit, chapters add a real-robot variant.",
        })}
      </small>
    </fieldset>
  );
}
