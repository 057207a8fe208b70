import Link from "@docusaurus/Link";
import Translate from "@docusaurus/Translate";
import { useEffect, useRef, useState } from "react";
import { useAuth } from "../auth/AuthProvider.js";
import styles from "./navbar.module.css";

/** The signed-in learner's menu: their profile, their sessions, and signing out. */
export function AccountMenu({
  name,
  mobile,
  onNavigate,
}: {
  name: string;
  mobile: boolean;
  onNavigate?: () => void;
}) {
  const { client } = useAuth();
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  // An open menu closes when the pointer or the keyboard focus goes anywhere else.
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: Event) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOutside);
    document.addEventListener("focusin", closeOutside);
    return () => {
      document.removeEventListener("pointerdown", closeOutside);
      document.removeEventListener("focusin", closeOutside);
    };
  }, [open]);
  const close = () => {
    setOpen(false);
    onNavigate?.();
  };
  const signOut = () => {
    close();
    void client.signOut();
  };
  const items = (linkClass: string) => (
    <>
      <li>
        <Link className={linkClass} to="/profile" onClick={close}>
          <Translate id="account.menu.profile">Profile</Translate>
        </Link>
      </li>
      <li>
        <Link className={linkClass} to="/account/progress" onClick={close}>
          <Translate id="progress.menu.link">Reading progress</Translate>
        </Link>
      </li>
      <li>
        <Link className={linkClass} to="/account/sessions" onClick={close}>
          <Translate id="account.menu.sessions">Sessions</Translate>
        </Link>
      </li>
      <li>
        <Link className={linkClass} to="/account/sign-in-methods" onClick={close}>
          <Translate id="account.menu.signInMethods">How you sign in</Translate>
        </Link>
      </li>
      <li>
        <button type="button" className={`${linkClass} ${styles.menuButton}`} onClick={signOut}>
          <Translate id="account.menu.signOut">Sign out</Translate>
        </button>
      </li>
    </>
  );
  if (mobile) {
    return (
      <li className="menu__list-item">
        <span className={`menu__link ${styles.mobileName}`}>{name}</span>
        <ul className="menu__list">{items("menu__link")}</ul>
      </li>
    );
  }
  return (
    <div
      ref={container}
      className={`navbar__item dropdown dropdown--right dropdown--hoverable ${open ? "dropdown--show" : ""}`}
    >
      <button
        type="button"
        className={`navbar__link ${styles.menuButton} ${styles.account}`}
        aria-haspopup="true"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        <span className={styles.avatar} aria-hidden>
          {initials(name)}
        </span>
        <span className={styles.name}>{name}</span>
      </button>
      <ul className="dropdown__menu">{items("dropdown__link")}</ul>
    </div>
  );
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return (words.length > 1 ? `${words[0]?.[0]}${words.at(-1)?.[0]}` : name.slice(0, 2)).toUpperCase();
}
