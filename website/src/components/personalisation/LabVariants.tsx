import { translate } from "@docusaurus/Translate";
import { hasRealRobot, type LabKind, showsLabVariant } from "@site/src/lib/personalisation.js";
import { createContext, type ReactNode, useContext } from "react";
import { usePersonalisation } from "./PersonalisationProvider.js";
import styles from "./personalisation.module.css";
import { ShowAllSwitch } from "./ShowAllSwitch.js";

/** Whether the reader has a real robot (null: unknown) and asked to see every variant. */
const LabReader = createContext<{ hasRobot: boolean | null; showAll: boolean }>({
  hasRobot: null,
  showAll: true,
});

function kindLabel(kind: LabKind): string {
  return kind === "simulation"
    ? translate({ id: "personalisation.lab.kind.simulation", message: "Simulation" })
    : translate({ id: "personalisation.lab.kind.realRobot", message: "Real robot" });
}

/**
 * Versions of a lab (in simulation, on a real robot). The simulation lab is always shown, since every lab can be
 * done in simulation; the real-robot variant is added for readers who have a robot or kit, and folds into a
 * one-line note (with the switch) for readers whose profile says they have none.
 */
export function LabVariants({ children }: { children: ReactNode }) {
  const { reader, showAll } = usePersonalisation();
  const hasRobot = hasRealRobot(reader);
  return (
    <div className={styles.labVariants}>
      <div className={styles.labBar}>
        <span className={styles.labBarTitle}>
          {translate({
            id: "personalisation.lab.bar",
            message:
              "Lab: every reader can do it in simulation; a real-robot variant follows for those with a robot",
          })}
        </span>
        {hasRobot !== null ? <ShowAllSwitch /> : null}
      </div>
      <LabReader.Provider value={{ hasRobot, showAll }}>{children}</LabReader.Provider>
    </div>
  );
}

export interface LabVariantProps {
  kind: LabKind;
  title: string;
  children: ReactNode;
}

/** One version of a lab, inside `<LabVariants>`, with a line saying why this reader sees it. */
export function LabVariant({ kind, title, children }: LabVariantProps) {
  const { hasRobot, showAll } = useContext(LabReader);
  if (kind !== "simulation" && kind !== "real-robot")
    throw new Error(`<LabVariant kind="${kind}">: use "simulation" or "real-robot".`);
  if (!showsLabVariant(kind, hasRobot) && !showAll) {
    return (
      <aside className={styles.folded} data-lab-kind={kind} aria-label={title}>
        <span>
          <strong>{title}</strong>{" "}
          {translate({
            id: "personalisation.lab.folded",
            message: "is folded: your profile says you run the labs in simulation.",
          })}
        </span>
        <ShowAllSwitch />
      </aside>
    );
  }
  return (
    <section className={styles.labVariant} data-lab-kind={kind}>
      <header className={styles.header}>
        <span className={styles.badge}>{kindLabel(kind)}</span>
        <span className={styles.title}>{title}</span>
      </header>
      <p className={styles.why} data-search-ignore>
        {whyLabLine(kind, hasRobot)}
      </p>
      <div className={styles.body}>{children}</div>
    </section>
  );
}

function whyLabLine(kind: LabKind, hasRobot: boolean | null): string {
  if (kind === "simulation")
    return translate({
      id: "personalisation.lab.why.simulation",
      message: "Every reader sees this lab: a computer is all it needs.",
    });
  if (hasRobot === true)
    return translate({
      id: "personalisation.lab.why.realRobot.yours",
      message: "Added for you: your profile says you have a real robot or kit.",
    });
  return translate({
    id: "personalisation.lab.why.realRobot.everyone",
    message: "For readers with a real robot or kit, in addition to the simulation lab.",
  });
}
