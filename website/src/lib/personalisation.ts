import { isLevel, type LabHardware, type Level } from "./learner-profile.js";

/** What personalisation knows about the reader; null where the profile is unknown or the field is unanswered. */
export interface ReaderLevels {
  software: Level | null;
  hardware: Level | null;
  /** What the reader can run labs on (learner-profile.ts, labHardwareOf), or null. */
  labHardware: LabHardware[] | null;
}

export type LabKind = "simulation" | "real-robot";

/** Parses a space-separated level list (`"none beginner"`); unknown words are a mistake in the chapter. */
export function parseLevelList(list: string | undefined, attribute: string): Level[] | undefined {
  if (list === undefined) return undefined;
  const words = list.split(/\s+/).filter(Boolean);
  const unknown = words.filter((word) => !isLevel(word));
  if (unknown.length > 0 || words.length === 0) {
    throw new Error(
      `<ForLevel ${attribute}="${list}">: use levels from none, beginner, intermediate, advanced (got "${unknown.join(" ") || list}").`,
    );
  }
  return words as Level[];
}

/**
 * Whether a block meant for `software`/`hardware` levels is for this reader. A dimension the block does not
 * name, or the reader has not answered, never hides it: only a known mismatch does.
 */
export function isForReader(
  audience: { software?: Level[]; hardware?: Level[] },
  reader: ReaderLevels,
): boolean {
  const fits = (levels: Level[] | undefined, level: Level | null) =>
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

/** "none, beginner or intermediate": a level list as words, for the label of a block. */
export function describeLevels(levels: Level[]): string {
  return levels.length <= 1 ? (levels[0] ?? "") : `${levels.slice(0, -1).join(", ")} or ${levels.at(-1)}`;
}
