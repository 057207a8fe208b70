import { type ReactNode, useId } from "react";
import styles from "./account.module.css";

/** What the frame gives its control: its id and the ARIA wiring to the hint and the error. */
export interface FieldControlProps {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
}

interface Props {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** The control (input, select, textarea), given the props that tie it to the label, hint and error. */
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * The one frame of every form field: the label, the control, its hint and its own error, with the control
 * described by both (`aria-describedby`) and marked invalid while the error shows (`aria-invalid`).
 */
export function FieldFrame({ label, hint, error, children }: Props) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const control: FieldControlProps = {
    id,
    "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
    "aria-invalid": error ? true : undefined,
  };
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {children(control)}
      {hintId ? (
        <small id={hintId} className={styles.hint}>
          {hint}
        </small>
      ) : null}
      {errorId ? (
        <small id={errorId} className={styles.fieldError}>
          {error}
        </small>
      ) : null}
    </div>
  );
}
