import Link from "@docusaurus/Link";
import Translate, { translate } from "@docusaurus/Translate";
import styles from "./home.module.css";
import { homeModules } from "./modules.js";

/** The modules as cards, in reading order. */
export function ModuleGrid() {
  return (
    <section className={styles.section} aria-labelledby="modules-heading">
      <div className="container">
        <h2 id="modules-heading" className={styles.sectionTitle}>
          <Translate id="home.modules.heading">
            Eight modules, from first principles to a working humanoid
          </Translate>
        </h2>
        <ol className={styles.grid}>
          {homeModules().map((module) => (
            <li key={module.title}>
              <Link className={styles.card} to={module.to}>
                <span className={styles.cardNumber}>
                  {module.number
                    ? translate(
                        { id: "home.module.number", message: "Module {number}" },
                        { number: module.number },
                      )
                    : translate({ id: "home.module.reference", message: "Reference" })}
                </span>
                <span className={styles.cardTitle}>{module.title}</span>
                <span className={styles.cardText}>{module.summary}</span>
              </Link>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
