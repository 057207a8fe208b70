import { useLocation } from "@docusaurus/router";
import { providerErrorMessage } from "@site/src/lib/provider-error-message.js";
import { Alert } from "./Alert.js";

/** When a provider sent the learner back with `?error=`, says why they are not signed in. */
export function ProviderErrorNotice() {
  const error = new URLSearchParams(useLocation().search).get("error");
  if (!error) return null;
  const kind = error === "email_not_verified" ? "warning" : "danger";
  return <Alert kind={kind}>{providerErrorMessage(error)}</Alert>;
}
