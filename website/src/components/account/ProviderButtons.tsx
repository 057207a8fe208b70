import { useLocation } from "@docusaurus/router";
import Translate, { translate } from "@docusaurus/Translate";
import useBaseUrl from "@docusaurus/useBaseUrl";
import { AuthCallError, authData } from "@site/src/lib/auth-result.js";
import { useAuth } from "../auth/AuthProvider.js";
import { FormFailure } from "./FormFailure.js";
import styles from "./providers.module.css";
import { useFormSubmit } from "./use-form-submit.js";
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
  const submit = useFormSubmit();
  if (!providers || providers.length === 0 || status === "signed-in") return null;

  const start = (provider: string) => {
    const here = (path: string) => new URL(path, window.location.origin).toString();
    const next = `next=${encodeURIComponent(returnPath)}`;
    return submit.run(
      async () => {
        const data = authData(
          await client.signIn.social({
            provider,
            callbackURL: here(`${welcomePath}?${next}`),
            errorCallbackURL: here(`${pathname}?${next}`),
          }),
        );
        if (!data?.url) throw new AuthCallError({});
        window.location.assign(data.url);
      },
      { keepBusy: true },
    );
  };

  return (
    <section
      className={styles.providers}
      aria-label={translate({ id: "account.providers.label", message: "Sign in with another account" })}
    >
      <FormFailure submit={submit} />
      {providers.map(({ id, name }) => (
        <button
          key={id}
          type="button"
          className={`button button--secondary button--outline button--block ${styles.provider}`}
          disabled={submit.busy}
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
