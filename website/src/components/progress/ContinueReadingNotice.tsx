import { translate } from "@docusaurus/Translate";
import { useState } from "react";
import { ContinueReading } from "./ContinueReading.js";
import styles from "./progress.module.css";

/** Offered once after signing in, on whatever page the learner lands: a fixed notice, so nothing moves. */
export function ContinueReadingNotice() {
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <aside className={styles.notice}>
      <ContinueReading className={styles.noticeText} />
      <button
        type="button"
        className="clean-btn close"
        aria-label={translate({ id: "progress.continue.dismiss", message: "Dismiss" })}
        onClick={() => setOpen(false)}
      >
        ×
      </button>
    </aside>
  );
}
