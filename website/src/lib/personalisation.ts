import { type BackgroundLevel, isBackgroundLevel, type LabHardware } from "@textbook/profile-api/contract";

/** What personalisation knows about the reader; null where the profile is unknown or the field is unanswered. */
export interface ReaderLevels {
  software: BackgroundLevel | null;
  hardware: BackgroundLevel | null;
  /** What the reader can run labs on (learner-profile.ts, labHardwareOf), or null. */
  labHardware: LabHardware[] | null;
}

export type LabKind = "simulation" | "real-robot";

/** Parses a space-separated level list (`"none beginner"`); unknown words are a mistake in the chapter. */
export function parseLevelList(list: string | undefined, attribute: string): BackgroundLevel[] | undefined {
  if (list === undefined) return undefined;
  const words = list.split(/\s+/).filter(Boolean);
  const unknown = words.filter((word) => !isBackgroundLevel(word));
  if (unknown.length > 0 || words.length === 0) {
    throw new Error(
      `<ForLevel ${attribute}="${list}">: use levels from none, beginner, intermediate, advanced (got "${unknown.join(" ") || list}").`,
    );
  }
  return words as BackgroundLevel[];
}

/**
 * Whether a block meant for `software`/`hardware` levels is for this reader. A dimension the block does not
 * name, or the reader has not answered, never hides it: only a known mismatch does.
 */
export function isForReader(
  audience: { software?: BackgroundLevel[]; hardware?: BackgroundLevel[] },
  reader: ReaderLevels,
): boolean {
  const fits = (levels: BackgroundLevel[] | undefined, level: BackgroundLevel | null) =>
    levels === undefined || level === null || levels.includes(level);
  // `none` always meant what `beginner` means; a profile without a hardware level but with lab hardware reads
  // as hands-on (advanced) with a robot and as a beginner without one.
  const software = reader.software === "none" ? "beginner" : reader.software;
  const robot = hasRealRobot(reader);
  const hardware = reader.hardware ?? (robot === null ? null : robot ? "advanced" : "beginner");
  return fits(audience.software, software) && fits(audience.hardware, hardware);
}

/**
 * Whether the reader has a real robot or kit to run labs on; null while unknown. Personalisation only ever adds
 * the real-robot variant: the simulation lab is for everyone.
 */
export function hasRealRobot(reader: Pick<ReaderLevels, "labHardware">): boolean | null {
  return reader.labHardware === null ? null : reader.labHardware.includes("robot");
}

/** Whether a lab variant of `kind` is shown to a reader with `hasRobot` (unknown shows all; simulation always). */
export function showsLabVariant(kind: LabKind, hasRobot: boolean | null): boolean {
  return kind === "simulation" || hasRobot !== false;
}
