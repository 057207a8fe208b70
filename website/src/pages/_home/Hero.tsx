import Link from "@docusaurus/Link";
import Translate from "@docusaurus/Translate";
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
          <p className={styles.eyebrow}>
            <Translate id="home.hero.eyebrow">An open, hands-on textbook</Translate>
          </p>
          <h1 className={styles.title}>{siteConfig.title}</h1>
          <p className={styles.tagline}>{siteConfig.tagline}</p>
          <div className={styles.actions}>
            <Link className="button button--primary button--lg" to="/docs/intro">
              <Translate id="home.hero.startReading">Start reading</Translate>
            </Link>
            {signedIn ? (
              <Link className="button button--secondary button--lg" to="/profile">
                <Translate id="home.hero.yourProfile" values={{ name: user.name }}>
                  {"Your profile, {name}"}
                </Translate>
              </Link>
            ) : (
              <Link className="button button--secondary button--lg" to="/register">
                <Translate id="home.hero.createAccount">Create a free account</Translate>
              </Link>
            )}
          </div>
          {/* A slot of fixed height, in the HTML from the start: the link appears in it without moving the page. */}
          <div className={styles.continueSlot}>
            <ContinueReading className={styles.continue} />
          </div>
          <ul className={styles.facts}>
            <li>
              <Translate id="home.hero.fact.size">8 modules · 25+ chapters</Translate>
            </li>
            <li>
              <Translate id="home.hero.fact.labs">Python & ROS 2 labs</Translate>
            </li>
            <li>
              <Translate id="home.hero.fact.variants">Simulation or real-robot variants</Translate>
            </li>
          </ul>
        </div>
        <HeroPreview />
      </div>
    </header>
  );
}
