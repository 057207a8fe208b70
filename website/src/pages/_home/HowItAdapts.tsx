import Translate, { translate } from "@docusaurus/Translate";
import styles from "./home.module.css";

/** The three steps, in the reader's language. */
function steps(): { title: string; text: string }[] {
  return [
    {
      title: translate({ id: "home.adapts.background.title", message: "Tell us your background" }),
      text: translate({
        id: "home.adapts.background.text",
        message: "Software and hardware experience, the languages you know, what you want to build.",
      }),
    },
    {
      title: translate({ id: "home.adapts.chapters.title", message: "Chapters adapt" }),
      text: translate({
        id: "home.adapts.chapters.text",
        message:
          "Beginners get primers where they need them; experienced readers get the details under the hood.",
      }),
    },
    {
      title: translate({ id: "home.adapts.labs.title", message: "Labs fit your hardware" }),
      text: translate({
        id: "home.adapts.labs.text",
        message:
          "Run every lab in simulation, or on a real robot when you have one. Switch to all variants any time.",
      }),
    },
  ];
}

/** How personalisation works, in three steps. */
export function HowItAdapts() {
  return (
    <section className={`${styles.section} ${styles.sectionTinted}`} aria-labelledby="adapts-heading">
      <div className="container">
        <h2 id="adapts-heading" className={styles.sectionTitle}>
          <Translate id="home.adapts.heading">A book that adapts to you</Translate>
        </h2>
        <ol className={styles.steps}>
          {steps().map((step, index) => (
            <li key={step.title} className={styles.step}>
              <span className={styles.stepNumber}>{index + 1}</span>
              <h3>{step.title}</h3>
              <p>{step.text}</p>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
