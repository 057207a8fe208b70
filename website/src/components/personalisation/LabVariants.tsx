import { Children, createContext, isValidElement, type ReactNode, useContext } from "react";
import { LAB_KIND_LABELS, type LabKind, labKindFor } from "../../lib/personalisation.js";
import { usePersonalisation } from "./PersonalisationProvider.js";
import styles from "./personalisation.module.css";
import { ShowAllSwitch } from "./ShowAllSwitch.js";

/** The variant this reader's hardware background calls for; null shows every variant. */
const ChosenKind = createContext<LabKind | null>(null);

/**
 * Alternative versions of a lab (in simulation, on a real robot). Every variant is in the HTML; once the
 * reader's hardware background is known, only theirs shows, with the switch to bring the others back.
 */
export function LabVariants({ children }: { children: ReactNode }) {
  const { reader, showAll } = usePersonalisation();
  const kinds = Children.toArray(children).flatMap((child) =>
    isValidElement<LabVariantProps>(child) && child.props.kind ? [child.props.kind] : [],
  );
  const yours = labKindFor(reader.hardware);
  const chosen = yours && kinds.includes(yours) && !showAll ? yours : null;
  return (
    <div className={styles.labVariants}>
      <div className={styles.labBar}>
        <span className={styles.labBarTitle}>
          {yours
            ? `Lab variants · yours: ${LAB_KIND_LABELS[yours].toLowerCase()}`
            : `Lab variants: ${kinds.map((kind) => LAB_KIND_LABELS[kind].toLowerCase()).join(" or ")}`}
        </span>
        {yours ? <ShowAllSwitch /> : null}
      </div>
      <ChosenKind.Provider value={chosen}>{children}</ChosenKind.Provider>
    </div>
  );
}

export interface LabVariantProps {
  kind: LabKind;
  title: string;
  children: ReactNode;
}

/** One version of a lab, inside `<LabVariants>`. */
export function LabVariant({ kind, title, children }: LabVariantProps) {
  const chosen = useContext(ChosenKind);
  if (!LAB_KIND_LABELS[kind])
    throw new Error(`<LabVariant kind="${kind}">: use "simulation" or "real-robot".`);
  if (chosen !== null && chosen !== kind) return null;
  return (
    <section className={styles.labVariant} data-lab-kind={kind}>
      <header className={styles.header}>
        <span className={styles.badge}>{LAB_KIND_LABELS[kind]}</span>
        <span className={styles.title}>{title}</span>
      </header>
      <div className={styles.body}>{children}</div>
    </section>
  );
}
