import { useLocation } from "@docusaurus/router";
import Translate, { translate } from "@docusaurus/Translate";
import useBaseUrl from "@docusaurus/useBaseUrl";
import { useState } from "react";
import { type AuthErrorLike, authErrorMessage } from "../../lib/auth-error-message.js";
import { useAuth } from "../auth/AuthProvider.js";
import { Alert } from "./Alert.js";
import styles from "./providers.module.css";
import { useReturnPath } from "./use-return-path.js";
import { useSignInProviders } from "./use-sign-in-providers.js";

/**
 * "Continue with <name>" for each provider the auth-server has configured, then "or" above the e-mail form.
 * Nothing at all when none is configured or the list cannot be had. After the provider the learner lands on
 * /welcome (background questions when they have no profile yet), which sends them on to where they were going;
 * a refusal comes back to this page with `?error=`.
 */
export function ProviderButtons() {
  const { client, status } = useAuth();
  const providers = useSignInProviders();
  const returnPath = useReturnPath();
  const welcomePath = useBaseUrl("/welcome");
  const { pathname } = useLocation();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<AuthErrorLike | null>(null);
  if (!providers || providers.length === 0 || status === "signed-in") return null;

  const start = async (provider: string) => {
    setBusy(provider);
    setFailure(null);
    const here = (path: string) => new URL(path, window.location.origin).toString();
    const next = `next=${encodeURIComponent(returnPath)}`;
    const { data, error } = await client.signIn
      .social({
        provider,
        callbackURL: here(`${welcomePath}?${next}`),
        errorCallbackURL: here(`${pathname}?${next}`),
      })
      .catch(() => ({ data: null, error: { status: 0 } as AuthErrorLike }));
    if (error || !data?.url) {
      setFailure(error ?? {});
      setBusy(null);
      return;
    }
    window.location.assign(data.url);
  };

  return (
    <section
      className={styles.providers}
      aria-label={translate({ id: "account.providers.label", message: "Sign in with another account" })}
    >
      {failure ? <Alert kind="danger">{authErrorMessage(failure)}</Alert> : null}
      {providers.map(({ id, name }) => (
        <button
          key={id}
          type="button"
          className={`button button--secondary button--outline button--block ${styles.provider}`}
          disabled={busy !== null}
          onClick={() => void start(id)}
        >
          <Translate id="account.providers.continueWith" values={{ name }}>
            {"Continue with {name}"}
          </Translate>
        </button>
      ))}
      <p className={styles.or}>
        <Translate id="account.providers.orEmail">or with your e-mail address</Translate>
      </p>
    </section>
  );
}
