import type { ReactNode } from "react";
import styles from "./sessions.module.css";

/** One way to sign in: its name, its state, and what can be done about it. */
export function MethodItem({ name, state, action }: { name: string; state: string; action: ReactNode }) {
  return (
    <li className={styles.item} aria-label={name}>
      <div>
        <div className={styles.device}>{name}</div>
        <div className={styles.meta}>{state}</div>
      </div>
      {action}
    </li>
  );
}
