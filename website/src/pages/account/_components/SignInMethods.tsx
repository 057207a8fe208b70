import { useLocation } from "@docusaurus/router";
import Translate, { translate } from "@docusaurus/Translate";
import useBaseUrl from "@docusaurus/useBaseUrl";
import { Alert } from "@site/src/components/account/Alert.js";
import { useSignInProviders } from "@site/src/components/account/use-sign-in-providers.js";
import { useAuth } from "@site/src/components/auth/AuthProvider.js";
import { type AuthErrorLike, authErrorMessage } from "@site/src/lib/auth-error-message.js";
import { useCallback, useEffect, useState } from "react";
import { MethodItem } from "./MethodItem.js";
import { SetPassword } from "./SetPassword.js";
import styles from "./sessions.module.css";

interface LinkedAccount {
  id: string;
  providerId: string;
  accountId: string;
}

/** The password (or none) and every provider: linked ones can be unlinked, configured ones linked. */
export function SignInMethods() {
  const { client, user } = useAuth();
  const providers = useSignInProviders();
  const pagePath = useBaseUrl("/account/sign-in-methods");
  const linked = new URLSearchParams(useLocation().search).get("linked");
  const [accounts, setAccounts] = useState<LinkedAccount[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const { data, error } = await client.listAccounts().catch(() => ({ data: null, error: { status: 0 } }));
    if (error || !data) {
      setProblem(authErrorMessage(error));
      return;
    }
    setAccounts(data);
  }, [client]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!accounts) {
    if (problem) return <Alert kind="warning">{problem}</Alert>;
    return (
      <p aria-live="polite">
        <Translate id="account.methods.loading">Loading how you sign in…</Translate>
      </p>
    );
  }

  const fail = (error: AuthErrorLike) => {
    setProblem(
      error.code === "FAILED_TO_UNLINK_LAST_ACCOUNT"
        ? translate({
            id: "account.methods.lastMethod",
            message: "This is your only way to sign in: set a password or link another account first.",
          })
        : authErrorMessage(error),
    );
    setBusy(false);
  };
  const link = async (provider: string) => {
    setBusy(true);
    setProblem(null);
    const page = new URL(pagePath, window.location.origin).toString();
    const { data, error } = await client
      .linkSocial({
        provider,
        callbackURL: `${page}?linked=${encodeURIComponent(provider)}`,
        errorCallbackURL: page,
      })
      .catch(() => ({ data: null, error: { status: 0 } as AuthErrorLike }));
    if (error || !data?.url) return fail(error ?? {});
    window.location.assign(data.url);
  };
  const unlink = async (account: LinkedAccount) => {
    setBusy(true);
    setProblem(null);
    const { error } = await client
      .unlinkAccount({ accountId: account.id })
      .catch(() => ({ error: { status: 0 } as AuthErrorLike }));
    if (error) return fail(error);
    await load();
    setBusy(false);
  };

  const hasPassword = accounts.some((account) => account.providerId === "credential");
  const social = accounts.filter((account) => account.providerId !== "credential");
  const only = accounts.length === 1;
  const nameOf = (id: string) => providers?.find((provider) => provider.id === id)?.name ?? id;
  const unlinkedProviders = (providers ?? []).filter((p) => !social.some((a) => a.providerId === p.id));
  const linkedName = linked ? nameOf(linked) : null;

  return (
    <>
      {linkedName && social.some((account) => account.providerId === linked) ? (
        <Alert kind="success">
          <Translate id="account.methods.linked" values={{ name: linkedName }}>
            {"{name} now signs you in too."}
          </Translate>
        </Alert>
      ) : null}
      {problem ? <Alert kind="danger">{problem}</Alert> : null}
      <ul className={styles.list}>
        <MethodItem
          name={translate({ id: "account.methods.password", message: "Password" })}
          state={
            hasPassword
              ? translate({ id: "account.methods.passwordSet", message: "Set" })
              : translate({ id: "account.methods.passwordNone", message: "No password yet" })
          }
          action={hasPassword || !user ? null : <SetPassword email={user.email} />}
        />
        {social.map((account) => (
          <MethodItem
            key={account.id}
            name={nameOf(account.providerId)}
            state={translate({ id: "account.methods.linkedState", message: "Linked" })}
            action={
              <button
                type="button"
                className="button button--sm button--secondary"
                disabled={busy || only}
                title={
                  only
                    ? translate({
                        id: "account.methods.lastMethodShort",
                        message: "Your only way to sign in",
                      })
                    : undefined
                }
                onClick={() => void unlink(account)}
              >
                <Translate id="account.methods.unlink" values={{ name: nameOf(account.providerId) }}>
                  {"Unlink {name}"}
                </Translate>
              </button>
            }
          />
        ))}
        {unlinkedProviders.map((provider) => (
          <MethodItem
            key={provider.id}
            name={provider.name}
            state={translate({ id: "account.methods.notLinked", message: "Not linked" })}
            action={
              <button
                type="button"
                className="button button--sm button--primary"
                disabled={busy}
                onClick={() => void link(provider.id)}
              >
                <Translate id="account.methods.link" values={{ name: provider.name }}>
                  {"Link {name}"}
                </Translate>
              </button>
            }
          />
        ))}
      </ul>
      {unlinkedProviders.length > 0 ? (
        <p className={styles.only}>
          <Translate id="account.methods.sameEmail">
            A provider's account can be linked when it has your e-mail address and the provider has confirmed
            it.
          </Translate>
        </p>
      ) : null}
    </>
  );
}
