import Link from "@docusaurus/Link";
import Translate, { translate } from "@docusaurus/Translate";
import { useAuth } from "../../components/auth/AuthProvider.js";
import { ContinueReading } from "../../components/progress/ContinueReading.js";
import { HeroPreview } from "./HeroPreview.js";
import styles from "./home.module.css";

/** The homepage's opening: what the book is, and the two ways in. */
export function Hero() {
  const { status, user } = useAuth();
  const signedIn = status === "signed-in" && user;
  return (
    <header className={styles.hero}>
      <div className={`container ${styles.heroGrid}`}>
        <div>
          <p className={styles.eyebrow}>
            <Translate id="home.hero.eyebrow">An open, hands-on textbook</Translate>
          </p>
          <h1 className={styles.title}>
            {translate({ id: "home.hero.title", message: "Physical AI & Humanoid Robotics" })}
          </h1>
          <p className={styles.tagline}>
            {translate({
              id: "home.hero.tagline",
              message:
                "From the embodied-intelligence loop to a voice-commanded humanoid, one hands-on module at a time.",
            })}
          </p>
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
              <Translate id="home.hero.fact.modules">8 modules · 25+ chapters</Translate>
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
