import { useLocation } from "@docusaurus/router";
import Translate, { translate } from "@docusaurus/Translate";
import useBaseUrl from "@docusaurus/useBaseUrl";
import { Alert } from "@site/src/components/account/Alert.js";
import { FormFailure } from "@site/src/components/account/FormFailure.js";
import { useFormSubmit } from "@site/src/components/account/use-form-submit.js";
import { useSignInProviders } from "@site/src/components/account/use-sign-in-providers.js";
import { useAuth } from "@site/src/components/auth/AuthProvider.js";
import { AuthCallError, authData } from "@site/src/lib/auth-result.js";
import { failureMessage } from "@site/src/lib/failure-message.js";
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
  const submit = useFormSubmit();

  const load = useCallback(async () => {
    try {
      const data = authData(await client.listAccounts());
      if (!data) throw new AuthCallError({});
      setAccounts(data);
    } catch (error) {
      setProblem(failureMessage(error, "auth"));
    }
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

  const link = (provider: string) => {
    const page = new URL(pagePath, window.location.origin).toString();
    return submit.run(
      async () => {
        const data = authData(
          await client.linkSocial({
            provider,
            callbackURL: `${page}?linked=${encodeURIComponent(provider)}`,
            errorCallbackURL: page,
          }),
        );
        if (!data?.url) throw new AuthCallError({});
        window.location.assign(data.url);
      },
      { keepBusy: true },
    );
  };
  const unlink = (account: LinkedAccount) =>
    submit.run(async () => {
      authData(await client.unlinkAccount({ accountId: account.id }));
      await load();
    });

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
      <FormFailure submit={submit} />
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
                disabled={submit.busy || only}
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
                disabled={submit.busy}
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
