import { translate } from "@docusaurus/Translate";
import type { BackgroundLevel as Level } from "@textbook/profile-api/contract";

/** A background level as the forms and chapters name it, in the reader's language ("Beginner"). */
export function levelLabel(level: Level): string {
  switch (level) {
    case "none":
      return translate({ id: "profile.level.none", message: "None yet" });
    case "beginner":
      return translate({ id: "profile.level.beginner", message: "Beginner" });
    case "intermediate":
      return translate({ id: "profile.level.intermediate", message: "Intermediate" });
    case "advanced":
      return translate({ id: "profile.level.advanced", message: "Advanced" });
  }
}

/** Levels inside a sentence: "beginner", "none yet or beginner", "beginner, intermediate or advanced". */
export function levelList(levels: readonly Level[]): string {
  const names = levels.map((level) => levelLabel(level).toLocaleLowerCase());
  if (names.length <= 1) return names[0] ?? "";
  return translate(
    { id: "personalisation.levels.or", message: "{some} or {last}", description: "A list of levels" },
    { some: names.slice(0, -1).join(", "), last: names.at(-1) ?? "" },
  );
}
