import Link from "@docusaurus/Link";
import Translate from "@docusaurus/Translate";

/** "You are signed in as {name}. Continue", for a page a signed-in learner has no need of (sign-in, verification). */
export function SignedInAs({ name, continueTo }: { name: string; continueTo: string }) {
  return (
    <>
      <Translate id="auth.signIn.alreadySignedIn" values={{ name: <strong>{name}</strong> }}>
        {"You are signed in as {name}."}
      </Translate>{" "}
      <Link to={continueTo}>
        <Translate id="auth.signIn.continue">Continue</Translate>
      </Link>
    </>
  );
}
