import { useHistory } from "@docusaurus/router";
import { type FormEvent, useState } from "react";
import { Alert } from "../../components/account/Alert.js";
import styles from "../../components/account/account.module.css";
import { Field } from "../../components/account/Field.js";
import { useReturnPath } from "../../components/account/use-return-path.js";
import { useAuth } from "../../components/auth/AuthProvider.js";
import { type AuthErrorLike, authErrorMessage } from "../../lib/auth-error-message.js";
import { savePendingProfile } from "../../lib/pending-profile.js";
import {
  type DraftErrors,
  fromDraft,
  type ProfileDraft,
  toDraft,
  validateDraft,
} from "../../lib/profile-form.js";
import { BackgroundFields } from "./BackgroundFields.js";
import { CheckYourInbox } from "./CheckYourInbox.js";
import { useAbsoluteUrl } from "./use-absolute-url.js";

interface AccountErrors {
  name?: string;
  email?: string;
  password?: string;
}

/**
 * Creates the account and, with the same answers, the learner profile: at once when sign-up signs the learner
 * in, else on their first sign-in after verifying their e-mail (the ProfileProvider creates it then).
 */
export function RegisterForm() {
  const { client, refresh } = useAuth();
  const history = useHistory();
  const returnPath = useReturnPath();
  const verifyUrl = useAbsoluteUrl("/verify-email");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [draft, setDraft] = useState<ProfileDraft>(() => toDraft(null));
  const [errors, setErrors] = useState<AccountErrors & DraftErrors>({});
  const [failure, setFailure] = useState<AuthErrorLike | null>(null);
  const [busy, setBusy] = useState(false);
  const [awaitingVerification, setAwaitingVerification] = useState(false);

  if (awaitingVerification) return <CheckYourInbox email={email.trim()} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = { ...checkAccount(draft.displayName, email, password), ...validateDraft(draft) };
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const name = draft.displayName.trim();
    const result = await client.signUp
      .email({
        name,
        email: email.trim(),
        password,
        callbackURL: `${verifyUrl()}?next=${encodeURIComponent(returnPath)}`,
      })
      .catch(() => ({ data: null, error: { status: 0 } as AuthErrorLike }));
    if (result.error || !result.data) {
      setFailure(result.error);
      setBusy(false);
      return;
    }
    savePendingProfile(email.trim(), fromDraft(draft));
    if (!result.data.token) {
      setAwaitingVerification(true);
      return;
    }
    await refresh();
    history.push(returnPath);
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      {failure ? <Alert kind="danger">{authErrorMessage(failure)}</Alert> : null}
      <Field
        label="Name"
        autoComplete="name"
        required
        value={draft.displayName}
        onChange={(displayName) => setDraft({ ...draft, displayName })}
        error={errors.name ?? errors.displayName}
      />
      <div className={styles.twoColumns}>
        <Field
          label="E-mail"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={setEmail}
          error={errors.email}
        />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 8 characters."
          value={password}
          onChange={setPassword}
          error={errors.password}
        />
      </div>
      <fieldset className={styles.fieldset}>
        <legend>Your background</legend>
        <BackgroundFields
          draft={draft}
          errors={errors}
          onChange={(change) => setDraft({ ...draft, ...change })}
        />
      </fieldset>
      <button
        className={`button button--primary button--block ${styles.submit}`}
        type="submit"
        disabled={busy}
      >
        {busy ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}

function checkAccount(name: string, email: string, password: string): AccountErrors {
  const errors: AccountErrors = {};
  if (!name.trim()) errors.name = "Enter your name.";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
    errors.email = "Enter an e-mail address like ada@example.com.";
  if (password.length < 8) errors.password = "Use at least 8 characters.";
  else if (password.length > 128) errors.password = "Use at most 128 characters.";
  return errors;
}
