import type { Props } from "@theme/CodeBlock";
import ElementContent from "@theme/CodeBlock/Content/Element";
import StringContent from "@theme/CodeBlock/Content/String";
import { Children, isValidElement, type ReactNode } from "react";

/** Plain text children as one string (MDX may pass several); children with elements as they are. */
function stringifyChildren(children: ReactNode): ReactNode {
  if (Children.toArray(children).some((child) => isValidElement(child))) return children;
  return Array.isArray(children) ? children.join("") : children;
}

/**
 * Docusaurus's `CodeBlock` (theme-classic 3.10), but rendered once. The original gives its content a `key` that
 * changes when the page has hydrated, so every code block is thrown away and rendered again in the browser, for
 * every reader, only so that a dark-mode reader gets the dark theme's inline colours. Here the code theme's colours
 * are CSS variables set per colour mode (`config/prism-themes.ts`), so the server's HTML is already right in either
 * mode and nothing needs rendering again. On `/docs/ros2/nodes-and-topics` (eight code blocks) that second render was
 * about 2.4 s of Lighthouse's 2.7 s of blocking time (BENCHMARKS.md, "website").
 */
export default function CodeBlock({ children, ...props }: Props) {
  const content = stringifyChildren(children);
  return typeof content === "string" ? (
    <StringContent {...props}>{content}</StringContent>
  ) : (
    <ElementContent {...props}>{content}</ElementContent>
  );
}
