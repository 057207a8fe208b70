import { type FormService, failureMessage } from "@site/src/lib/failure-message.js";
import { type RefObject, useCallback, useEffect, useRef, useState } from "react";

interface RunOptions {
  /** Which service the call goes to (default `auth`): a network failure names it. */
  service?: FormService;
  /** Stay busy after success, because the page is about to leave (no flash of the form's next state). */
  keepBusy?: boolean;
  /** Sees the raw failure first, e.g. to put a validation answer's problems next to their fields. */
  onFailure?: (error: unknown) => void;
}

/** What a form gets from `useFormSubmit()`. */
export interface FormSubmit {
  /** A call is under way: the submit button is disabled and says so. */
  busy: boolean;
  /** What went wrong with the last call, in words for a person; null when nothing did. */
  failure: string | null;
  /** Given to the failure's alert (`<FormFailure>`), which receives the focus each time a call fails. */
  alertRef: RefObject<HTMLDivElement | null>;
  /** Runs `action` (which throws on failure): its result, or `undefined` once the failure is shown. */
  run<T>(action: () => Promise<T>, options?: RunOptions): Promise<T | undefined>;
  /** Shows a failure found without calling a service. */
  fail(message: string): void;
}

/**
 * The one submit behaviour of the account forms: busy while the call runs, every failure (Better Auth's
 * `{ code, message }`, a profile-api error, a thrown network error) turned into one understandable message, and
 * the focus moved to the alert that says it, so a screen reader reads it and the keyboard starts from there.
 */
export function useFormSubmit(): FormSubmit {
  const [busy, setBusy] = useState(false);
  // A new object for every failure, so the same message twice in a row still moves the focus again.
  const [failure, setFailure] = useState<{ message: string } | null>(null);
  const alertRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);

  const run = useCallback(
    async <T>(action: () => Promise<T>, options: RunOptions = {}): Promise<T | undefined> => {
      setBusy(true);
      setFailure(null);
      try {
        const result = await action();
        if (!options.keepBusy) setBusy(false);
        return result;
      } catch (error) {
        options.onFailure?.(error);
        setFailure({ message: failureMessage(error, options.service ?? "auth") });
        setBusy(false);
        return undefined;
      }
    },
    [],
  );
  const fail = useCallback((message: string) => setFailure({ message }), []);
  return { busy, failure: failure?.message ?? null, alertRef, run, fail };
}
