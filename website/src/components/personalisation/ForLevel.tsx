import { translate } from "@docusaurus/Translate";
import type { BackgroundLevel } from "@textbook/profile-api/contract";
import type { ReactNode } from "react";
import { describeLevels, isForReader, parseLevelList, type ReaderLevels } from "../../lib/personalisation.js";
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
      <aside className={styles.folded} aria-label={`Hidden for your background: ${heading}`}>
        <span>
          <strong>{heading}</strong> is meant for another background ({label.toLowerCase()}), so it is folded.
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
  audience: { software?: BackgroundLevel[]; hardware?: BackgroundLevel[] },
  reader: ReaderLevels,
  personalised: boolean,
): string {
  if (!personalised)
    return translate({
      id: "personalisation.forLevel.why.everyone",
      message: "Shown to every reader until a profile says which background you have.",
    });
  const dimension = audience.software && reader.software ? "software" : "hardware";
  const level = (dimension === "software" ? reader.software : reader.hardware) ?? "";
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

function audienceLabel({
  software,
  hardware,
}: {
  software?: BackgroundLevel[];
  hardware?: BackgroundLevel[];
}): string {
  const parts = [
    software ? `software background ${describeLevels(software)}` : null,
    hardware ? `hardware background ${describeLevels(hardware)}` : null,
  ].filter(Boolean);
  return parts.length ? `For ${parts.join(", ")}` : "For every reader";
}
