import { authUnavailableMessage } from "@site/src/lib/auth-error-message.js";
import { useAuth } from "../auth/AuthProvider.js";
import { Alert } from "./Alert.js";

/** Says plainly, above a sign-in form, that the account service is down right now. */
export function AuthUnavailableNotice() {
  const { status } = useAuth();
  return status === "unavailable" ? <Alert kind="warning">{authUnavailableMessage()}</Alert> : null;
}
