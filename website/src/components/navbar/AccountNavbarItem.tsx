import Link from "@docusaurus/Link";
import { useLocation } from "@docusaurus/router";
import Translate from "@docusaurus/Translate";
import { useAuth } from "../auth/AuthProvider.js";
import { AccountMenu } from "./AccountMenu.js";
import styles from "./navbar.module.css";

interface Props {
  mobile?: boolean;
  /** In the mobile drawer, Docusaurus passes the handler that closes the drawer. */
  onClick?: () => void;
}

/** The navbar's account entry: "Sign in", or the learner's name with their account menu. */
export function AccountNavbarItem({ mobile = false, onClick }: Props) {
  const { status, user } = useAuth();
  const { pathname, search } = useLocation();
  if (status === "loading") {
    return <span className={mobile ? "menu__list-item" : `navbar__item ${styles.placeholder}`} aria-hidden />;
  }
  if (status !== "signed-in" || !user) {
    const onAccountPage = /\/(login|register|forgot-password|reset-password)$/.test(pathname);
    const next = onAccountPage ? "" : `?next=${encodeURIComponent(pathname + search)}`;
    const className = mobile ? "menu__link" : `navbar__item navbar__link ${styles.signIn}`;
    const link = (
      <Link className={className} to={`/login${next}`} onClick={onClick}>
        <Translate id="account.menu.signIn">Sign in</Translate>
      </Link>
    );
    return mobile ? <li className="menu__list-item">{link}</li> : link;
  }
  return <AccountMenu name={user.name} mobile={mobile} onNavigate={onClick} />;
}
