import { translate } from "@docusaurus/Translate";
import type { WrapperProps } from "@docusaurus/types";
import type SearchBarType from "@theme/SearchBar";
import SearchBar from "@theme-original/SearchBar";
import { type ReactNode, useEffect, useRef } from "react";

type Props = WrapperProps<typeof SearchBarType>;

/**
 * The local-search plugin's search bar, with one fix: when its index finishes loading it focuses the search box
 * again, even if the reader has meanwhile tabbed on (a keyboard user passing the navbar on the way to a form
 * lost their typing to the search box). Here the box takes such a programmatic focus only while nothing else has
 * the focus, or right after the search shortcut (Ctrl/⌘ + K) was pressed. And one more: the plugin writes
 * `aria-label="Search"` in English on every locale (only its placeholder is translated), so the box gets the
 * translated label, `theme.SearchBar.label`, as its accessible name.
 */
export default function SearchBarWrapper(props: Props): ReactNode {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const input = container.current?.querySelector("input");
    if (!input) return;
    // React leaves the attribute alone afterwards: the plugin's prop never changes.
    input.setAttribute("aria-label", translate({ id: "theme.SearchBar.label", message: "Search" }));
    let shortcutAt = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey) shortcutAt = Date.now();
    };
    const focus = HTMLInputElement.prototype.focus;
    input.focus = function focusUnlessElsewhere(options?: FocusOptions) {
      const active = document.activeElement;
      const free = active === null || active === document.body || active === input;
      if (free || Date.now() - shortcutAt < 1000) focus.call(this, options);
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => {
      window.removeEventListener("keydown", onKeyDown, true);
      input.focus = focus;
    };
  }, []);
  return (
    <div ref={container} style={{ display: "contents" }}>
      <SearchBar {...props} />
    </div>
  );
}
