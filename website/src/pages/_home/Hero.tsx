import Link from "@docusaurus/Link";
import useDocusaurusContext from "@docusaurus/useDocusaurusContext";
import { useAuth } from "@site/src/components/auth/AuthProvider.js";
import { ContinueReading } from "@site/src/components/progress/ContinueReading.js";
import { HeroPreview } from "./HeroPreview.js";
import styles from "./home.module.css";

/** The homepage's opening: what the book is, and the two ways in. */
export function Hero() {
  const { siteConfig } = useDocusaurusContext();
  const { status, user } = useAuth();
  const signedIn = status === "signed-in" && user;
  return (
    <header className={styles.hero}>
      <div className={`container ${styles.heroGrid}`}>
        <div>
          <p className={styles.eyebrow}>An open, hands-on textbook</p>
          <h1 className={styles.title}>{siteConfig.title}</h1>
          <p className={styles.tagline}>{siteConfig.tagline}</p>
          <div className={styles.actions}>
            <Link className="button button--primary button--lg" to="/docs/intro">
              Start reading
            </Link>
            {signedIn ? (
              <Link className="button button--secondary button--lg" to="/profile">
                Your profile, {user.name}
              </Link>
            ) : (
              <Link className="button button--secondary button--lg" to="/register">
                Create a free account
              </Link>
            )}
          </div>
          {/* A slot of fixed height, in the HTML from the start: the link appears in it without moving the page. */}
          <div className={styles.continueSlot}>
            <ContinueReading className={styles.continue} />
          </div>
          <ul className={styles.facts}>
            <li>8 modules · 25+ chapters</li>
            <li>Python &amp; ROS 2 labs</li>
            <li>Simulation or real-robot variants</li>
          </ul>
        </div>
        <HeroPreview />
      </div>
    </header>
  );
}
