import { useHistory } from "@docusaurus/router";
import Translate, { translate } from "@docusaurus/Translate";
import styles from "@site/src/components/account/account.module.css";
import { EmailField } from "@site/src/components/account/EmailField.js";
import { Field } from "@site/src/components/account/Field.js";
import { FormFailure } from "@site/src/components/account/FormFailure.js";
import { useFormSubmit } from "@site/src/components/account/use-form-submit.js";
import { useReturnPath } from "@site/src/components/account/use-return-path.js";
import { useAuth } from "@site/src/components/auth/AuthProvider.js";
import { authData } from "@site/src/lib/auth-result.js";
import { savePendingProfile } from "@site/src/lib/pending-profile.js";
import {
  type DraftErrors,
  fromDraft,
  type ProfileDraft,
  toDraft,
  validateDraft,
} from "@site/src/lib/profile-form.js";
import { type FormEvent, useState } from "react";
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
  const [awaitingVerification, setAwaitingVerification] = useState(false);
  const submit = useFormSubmit();

  if (awaitingVerification) return <CheckYourInbox email={email.trim()} />;

  const register = async (event: FormEvent) => {
    event.preventDefault();
    const found = { ...checkAccount(draft.displayName, email, password), ...validateDraft(draft) };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await submit.run(
      async () => {
        const data = authData(
          await client.signUp.email({
            name: draft.displayName.trim(),
            email: email.trim(),
            password,
            callbackURL: `${verifyUrl()}?next=${encodeURIComponent(returnPath)}`,
          }),
        );
        savePendingProfile(email.trim(), fromDraft(draft));
        if (!data?.token) {
          setAwaitingVerification(true);
          return;
        }
        await refresh();
        history.push(returnPath);
      },
      { keepBusy: true },
    );
  };

  return (
    <form className={styles.form} onSubmit={register} noValidate>
      <FormFailure submit={submit} />
      <Field
        label={translate({ id: "auth.field.name", message: "Name" })}
        autoComplete="name"
        required
        value={draft.displayName}
        onChange={(displayName) => setDraft({ ...draft, displayName })}
        error={errors.name ?? errors.displayName}
      />
      <div className={styles.twoColumns}>
        <EmailField value={email} onChange={setEmail} error={errors.email} />
        <Field
          label={translate({ id: "auth.field.password", message: "Password" })}
          type="password"
          autoComplete="new-password"
          required
          hint={translate({ id: "auth.field.password.hint", message: "At least 8 characters." })}
          value={password}
          onChange={setPassword}
          error={errors.password}
        />
      </div>
      <fieldset className={styles.fieldset}>
        <legend>
          <Translate id="auth.register.background">Your background</Translate>
        </legend>
        <BackgroundFields
          draft={draft}
          errors={errors}
          onChange={(change) => setDraft({ ...draft, ...change })}
        />
      </fieldset>
      <button
        className={`button button--primary button--block ${styles.submit}`}
        type="submit"
        disabled={submit.busy}
      >
        {submit.busy
          ? translate({ id: "auth.register.busy", message: "Creating your account…" })
          : translate({ id: "auth.register.submit", message: "Create account" })}
      </button>
    </form>
  );
}

function checkAccount(name: string, email: string, password: string): AccountErrors {
  const errors: AccountErrors = {};
  if (!name.trim()) errors.name = translate({ id: "auth.register.nameMissing", message: "Enter your name." });
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
    errors.email = translate({
      id: "auth.register.emailInvalid",
      message: "Enter an e-mail address like ada@example.com.",
    });
  }
  if (password.length < 8) errors.password = passwordTooShort();
  else if (password.length > 128) {
    errors.password = translate({
      id: "auth.field.password.tooLong",
      message: "Use at most 128 characters.",
    });
  }
  return errors;
}

/** The password rule both the registration and the new-password form check before asking the auth-server. */
export function passwordTooShort(): string {
  return translate({ id: "auth.field.password.tooShort", message: "Use at least 8 characters." });
}
