import { Alert } from "./Alert.js";
import type { FormSubmit } from "./use-form-submit.js";

/** The alert of a form's failed call (see `useFormSubmit`); it takes the focus when it appears. */
export function FormFailure({ submit }: { submit: Pick<FormSubmit, "failure" | "alertRef"> }) {
  if (!submit.failure) return null;
  return (
    <Alert kind="danger" ref={submit.alertRef}>
      {submit.failure}
    </Alert>
  );
}
