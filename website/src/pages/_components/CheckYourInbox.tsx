import Translate from "@docusaurus/Translate";
import { Alert } from "@site/src/components/account/Alert.js";
import { ResendVerification } from "./ResendVerification.js";

/** After sign-up when the e-mail must be verified first. */
export function CheckYourInbox({ email }: { email: string }) {
  return (
    <div>
      <Alert kind="success">
        <Translate id="auth.register.checkInbox" values={{ email: <strong>{email}</strong> }}>
          {
            "Your account is created. We sent a link to {email}: open it to verify your address, and you are in. Your background answers are kept and go into your profile at your first sign-in."
          }
        </Translate>
      </Alert>
      <p>
        <Translate id="auth.register.noMail">
          No e-mail after a few minutes? Check your spam folder, or:
        </Translate>
      </p>
      <ResendVerification email={email} />
    </div>
  );
}
