import type { ReaderLevels } from "@site/src/lib/personalisation.js";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";

const SHOW_ALL_KEY = "textbook:show-all-variants";

export interface Personalisation {
  /** The reader's levels; both null until a profile is known (then every variant shows, as in the HTML). */
  reader: ReaderLevels;
  /** The reader asked to see the variants meant for other backgrounds too. */
  showAll: boolean;
  setShowAll: (showAll: boolean) => void;
}

const UNKNOWN: ReaderLevels = { software: null, hardware: null, labHardware: null };
const PersonalisationContext = createContext<Personalisation>({
  reader: UNKNOWN,
  showAll: true,
  setShowAll: () => undefined,
});

/** Shares the reader's levels and the "show all variants" switch (remembered in this browser). */
export function PersonalisationProvider({ reader, children }: { reader: ReaderLevels; children: ReactNode }) {
  const [showAll, setShowAllState] = useState(false);
  useEffect(() => {
    setShowAllState(localStorage.getItem(SHOW_ALL_KEY) === "true");
  }, []);
  const setShowAll = useCallback((next: boolean) => {
    localStorage.setItem(SHOW_ALL_KEY, String(next));
    setShowAllState(next);
  }, []);
  const value = useMemo(() => ({ reader, showAll, setShowAll }), [reader, showAll, setShowAll]);
  return <PersonalisationContext.Provider value={value}>{children}</PersonalisationContext.Provider>;
}

/** What the personalisation blocks adapt to. Outside a provider, everything shows. */
export function usePersonalisation(): Personalisation {
  return useContext(PersonalisationContext);
}
