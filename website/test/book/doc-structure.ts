import { posix } from "node:path";
import { createSlugger, parseMarkdownHeadingId } from "@docusaurus/utils";

/** The text of a Markdown/MDX page with the lines of its fenced code blocks left out (comments are not headings). */
export function proseLines(text: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of text.split("\n")) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) fence = marker;
    else if (fence !== undefined && marker?.startsWith(fence) && line.trim() === marker) fence = undefined;
    else if (fence === undefined) lines.push(line);
  }
  return lines;
}

/** A heading's anchor as Docusaurus makes it: its `{#id}`, or else the GitHub slug of its text. */
export interface HeadingAnchor {
  level: number;
  id: string;
  /** Whether the heading names its id explicitly. */
  explicit: boolean;
}

/** The anchors of a page's `##`…`######` headings, in order (the `#` title has none). */
export function headingAnchors(text: string): HeadingAnchor[] {
  const slugger = createSlugger();
  return proseLines(text).flatMap((line) => {
    const heading = /^(#{2,6})\s+(.*)$/.exec(line);
    if (!heading) return [];
    const { text: title, id } = parseMarkdownHeadingId(heading[2] ?? "");
    const plain = title.replace(/[*_`]/g, "");
    return [{ level: heading[1]?.length ?? 0, id: id ?? slugger.slug(plain), explicit: id !== undefined }];
  });
}

// One level of parentheses inside a target, for DOIs such as 10.1016/0004-3702(91)90053-M.
const LINK = /\]\(((?:[^()\s]|\([^()\s]*\))+)\)/g;

/**
 * A page's link targets, each once and sorted: web addresses as written, links to other pages as paths from the
 * docs folder (`./a.md` from `01-x/b.md` and `/01-x/a.md` are both `01-x/a.md`), with any `#anchor` kept.
 */
export function linkTargets(file: string, text: string): string[] {
  const targets = [...text.matchAll(LINK)].map((match) => {
    const target = match[1] ?? "";
    if (/^[a-z]+:/i.test(target) || target.startsWith("#")) return target;
    if (target.startsWith("/")) return target.slice(1);
    return posix.join(posix.dirname(file), target);
  });
  return [...new Set(targets)].sort();
}

/** The MDX components a page uses, in order, with the attributes that hold prose (title, aria-label, alt) left out. */
export function componentTags(text: string): string[] {
  return [...text.matchAll(/<([A-Z]\w*)\b([^>]*)>/g)].map((match) =>
    `${match[1]} ${(match[2] ?? "")
      .replace(/\s(title|aria-label|alt)="[^"]*"/g, "")
      .replace(/\s+/g, " ")
      .trim()}`.trim(),
  );
}

/** The display (`$$…$$`) and inline (`$…$`) maths of a page, in order. */
export function maths(text: string): string[] {
  const prose = proseLines(text).join("\n");
  const display = [...prose.matchAll(/\$\$[\s\S]*?\$\$/g)].map((match) => match[0]);
  const inline = [...prose.replace(/\$\$[\s\S]*?\$\$/g, "").matchAll(/\$[^$\n]+\$/g)].map(
    (match) => match[0],
  );
  return [...display, ...inline];
}

/** How many times each of the given HTML elements opens on a page. */
export function elementCounts(text: string, names: string[]): Record<string, number> {
  return Object.fromEntries(
    names.map((name) => [name, [...text.matchAll(new RegExp(`<${name}[\\s>]`, "g"))].length]),
  );
}
