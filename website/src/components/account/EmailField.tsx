import { translate } from "@docusaurus/Translate";
import { Field } from "./Field.js";

interface Props {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** The account forms' e-mail input: one label, type and autocomplete hint for sign-in, registration and reset. */
export function EmailField({ value, onChange, error }: Props) {
  return (
    <Field
      label={translate({ id: "auth.field.email", message: "E-mail" })}
      type="email"
      autoComplete="email"
      required
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
