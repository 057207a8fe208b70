import { Alert } from "../../components/account/Alert.js";
import { ResendVerification } from "./ResendVerification.js";

/** After sign-up when the e-mail must be verified first. */
export function CheckYourInbox({ email }: { email: string }) {
  return (
    <div>
      <Alert kind="success">
        Your account is created. We sent a link to <strong>{email}</strong>: open it to verify your address,
        and you are in. Your background answers are kept and go into your profile at your first sign-in.
      </Alert>
      <p>No e-mail after a few minutes? Check your spam folder, or:</p>
      <ResendVerification email={email} />
    </div>
  );
}
