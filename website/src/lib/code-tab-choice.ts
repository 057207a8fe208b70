/** The Docusaurus Tabs group that chapters use for code shown in several languages (`<Tabs groupId=…>`). */
export const CODE_TAB_GROUP = "programming-language";

export type CodeTab = "python" | "cpp";

const NAMES: Record<string, CodeTab> = {
  python: "python",
  py: "python",
  "c++": "cpp",
  cpp: "cpp",
  cxx: "cpp",
};

/** The code tab for a learner's programming languages: the first of Python or C++ they list, else null. */
export function codeTabFor(languages: readonly string[]): CodeTab | null {
  for (const language of languages) {
    const tab = NAMES[language.trim().toLowerCase()];
    if (tab) return tab;
  }
  return null;
}
