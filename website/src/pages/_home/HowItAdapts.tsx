import styles from "./home.module.css";

const STEPS = [
  {
    title: "Tell us your background",
    text: "Software and hardware experience, the languages you know, what you want to build.",
  },
  {
    title: "Chapters adapt",
    text: "Beginners get primers where they need them; experienced readers get the details under the hood.",
  },
  {
    title: "Labs fit your hardware",
    text: "Run every lab in simulation, or on a real robot when you have one. Switch to all variants any time.",
  },
];

/** How personalisation works, in three steps. */
export function HowItAdapts() {
  return (
    <section className={`${styles.section} ${styles.sectionTinted}`} aria-labelledby="adapts-heading">
      <div className="container">
        <h2 id="adapts-heading" className={styles.sectionTitle}>
          A book that adapts to you
        </h2>
        <ol className={styles.steps}>
          {STEPS.map((step, index) => (
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
