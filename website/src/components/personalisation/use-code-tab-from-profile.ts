import { createStorageSlot } from "@docusaurus/theme-common";
import { CODE_TAB_GROUP, codeTabFor } from "@site/src/lib/code-tab-choice.js";
import { useEffect } from "react";

// Docusaurus keeps a tab group's choice under this key and updates every mounted <Tabs> of the group on a change.
const tabChoice = createStorageSlot(`docusaurus.tab.${CODE_TAB_GROUP}`);
// The languages the choice was last set from, so a tab the reader picks by hand stays until the profile changes.
const appliedFrom = createStorageSlot("textbook:code-tab-from-languages");

/** Selects the Python or C++ tab of every chapter's code from the learner's programming languages. */
export function useCodeTabFromProfile(languages: readonly (string | null)[] | null): void {
  // A list migrated from Supabase may hold null items; they name no language.
  const key = languages ? languages.filter((language) => language !== null).join("\n") : null;
  useEffect(() => {
    if (key === null) return;
    const tab = codeTabFor(key.split("\n"));
    if (!tab || appliedFrom.get() === key) return;
    tabChoice.set(tab);
    appliedFrom.set(key);
  }, [key]);
}
