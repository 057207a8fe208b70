import styles from "./account.module.css";

interface Props {
  /** The id of the input the messages describe. */
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
}

/** The ids an input's `aria-describedby` names: its hint and its error, when present. */
export function describedByIds({ id, hint, error }: Props): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A field's hint and its own error message, under the input. */
export function FieldMessages({ id, hint, error }: Props) {
  return (
    <>
      {hint ? (
        <small id={`${id}-hint`} className={styles.hint}>
          {hint}
        </small>
      ) : null}
      {error ? (
        <small id={`${id}-error`} className={styles.fieldError}>
          {error}
        </small>
      ) : null}
    </>
  );
}
