import Translate, { translate } from "@docusaurus/Translate";
import { levelLabel, levelList } from "@site/src/lib/level-label.js";
import { isForReader, parseLevelList, type ReaderLevels } from "@site/src/lib/personalisation.js";
import type { BackgroundLevel as Level } from "@textbook/profile-api/contract";
import type { ReactNode } from "react";
import { usePersonalisation } from "./PersonalisationProvider.js";
import styles from "./personalisation.module.css";
import { ShowAllSwitch } from "./ShowAllSwitch.js";

export interface ForLevelProps {
  /** Space-separated software levels this block is for, e.g. "none beginner". */
  software?: string;
  /** Space-separated hardware levels this block is for. */
  hardware?: string;
  title?: string;
  children: ReactNode;
}

/**
 * A block for readers of some backgrounds (a primer for beginners, a deep dive for experts). The HTML always
 * holds it; once the reader's profile says it is not for them, it folds into a one-line note with the switch.
 */
export function ForLevel({ software, hardware, title, children }: ForLevelProps) {
  const audience = {
    software: parseLevelList(software, "software"),
    hardware: parseLevelList(hardware, "hardware"),
  };
  const { reader, showAll } = usePersonalisation();
  const forReader = isForReader(audience, reader);
  const personalised = reader.software !== null || reader.hardware !== null;
  const label = audienceLabel(audience);
  const heading = title ?? label;

  if (!forReader && !showAll) {
    return (
      <aside
        className={styles.folded}
        aria-label={translate(
          { id: "personalisation.forLevel.folded.label", message: "Hidden for your background: {heading}" },
          { heading },
        )}
      >
        <span>
          <Translate
            id="personalisation.forLevel.folded"
            values={{ heading: <strong>{heading}</strong>, audience: label.toLocaleLowerCase() }}
          >
            {"{heading} is meant for another background ({audience}), so it is folded."}
          </Translate>
        </span>
        <ShowAllSwitch />
      </aside>
    );
  }
  return (
    <section className={styles.forLevel} data-for-level={software ?? hardware}>
      <header className={styles.header}>
        <span className={styles.badge}>{label}</span>
        {title ? <span className={styles.title}>{title}</span> : null}
        {personalised ? <ShowAllSwitch /> : null}
      </header>
      <p className={styles.why} data-search-ignore>
        {personalised && !forReader
          ? translate({
              id: "personalisation.why.showAll",
              message: "Shown because you switched on all variants; it is meant for another background.",
            })
          : whyLine(audience, reader, personalised)}
      </p>
      <div className={styles.body}>{children}</div>
    </section>
  );
}

/** The one line that tells the reader why this block is on their page. */
function whyLine(
  audience: { software?: Level[]; hardware?: Level[] },
  reader: ReaderLevels,
  personalised: boolean,
): string {
  if (!personalised)
    return translate({
      id: "personalisation.forLevel.why.everyone",
      message: "Shown to every reader until a profile says which background you have.",
    });
  const dimension = audience.software && reader.software ? "software" : "hardware";
  const readerLevel = dimension === "software" ? reader.software : reader.hardware;
  const level = readerLevel ? levelLabel(readerLevel).toLocaleLowerCase() : "";
  return dimension === "software"
    ? translate(
        {
          id: "personalisation.forLevel.why.software",
          message: "Shown because your profile gives your software background as {level}.",
        },
        { level },
      )
    : translate(
        {
          id: "personalisation.forLevel.why.hardware",
          message: "Shown because your profile gives your hardware background as {level}.",
        },
        { level },
      );
}

/** The badge of a block: who it is for ("For software background none yet or beginner"). */
function audienceLabel({ software, hardware }: { software?: Level[]; hardware?: Level[] }): string {
  const softwarePart = software
    ? translate(
        { id: "personalisation.forLevel.audience.software", message: "software background {levels}" },
        { levels: levelList(software) },
      )
    : null;
  const hardwarePart = hardware
    ? translate(
        { id: "personalisation.forLevel.audience.hardware", message: "hardware background {levels}" },
        { levels: levelList(hardware) },
      )
    : null;
  const parts = [softwarePart, hardwarePart].filter(Boolean).join(", ");
  return parts
    ? translate({ id: "personalisation.forLevel.audience", message: "For {audience}" }, { audience: parts })
    : translate({ id: "personalisation.forLevel.audience.everyone", message: "For every reader" });
}
