import { FieldFrame } from "./FieldFrame.js";

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  maxLength?: number;
  placeholder?: string;
}

/** A labelled multi-line text field with its own error message. */
export function TextAreaField({ label, value, onChange, error, hint, ...rest }: Props) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {(control) => (
        <textarea
          {...rest}
          {...control}
          rows={3}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      )}
    </FieldFrame>
  );
}
