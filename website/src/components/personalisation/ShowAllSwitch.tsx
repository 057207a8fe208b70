import { translate } from "@docusaurus/Translate";
import { useId } from "react";
import { usePersonalisation } from "./PersonalisationProvider.js";
import styles from "./personalisation.module.css";

/** The visible switch between "my variant" and "all variants"; it applies to the whole book. */
export function ShowAllSwitch() {
  const { showAll, setShowAll } = usePersonalisation();
  const id = useId();
  return (
    <span className={styles.switch} data-search-ignore>
      <input
        id={id}
        type="checkbox"
        role="switch"
        aria-checked={showAll}
        checked={showAll}
        onChange={(event) => setShowAll(event.currentTarget.checked)}
      />
      <label htmlFor={id}>{translate({ id: "personalisation.showAll", message: "Show all variants" })}</label>
    </span>
  );
}
