import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The website's folder. */
export const WEBSITE_DIR = fileURLToPath(new URL("..", import.meta.url));

/** Where the rendered diagrams and their manifest are committed (served at `/img/diagrams/`). */
export const DIAGRAMS_DIR = join(WEBSITE_DIR, "static/img/diagrams");

/** The manifest's file name in DIAGRAMS_DIR. */
export const MANIFEST_FILE = "diagrams.json";

/** The two colour schemes each diagram is drawn in, with the Mermaid theme of each. */
export const SCHEMES = { light: "neutral", dark: "dark" } as const;
export type Scheme = keyof typeof SCHEMES;

/** What the manifest says about one rendered diagram. */
export interface RenderedDiagram {
  /** Alternative text: the diagram's `accTitle`/`accDescr`, else its labels in order. */
  alt: string;
  /** Size in CSS pixels of the drawing (the same in both schemes). */
  width: number;
  height: number;
}

/** `diagrams.json`: every rendered diagram by `diagramId()`. */
export type DiagramManifest = Record<string, RenderedDiagram>;

/** A ```mermaid block of a chapter. */
export interface DiagramSource {
  id: string;
  /** The block's text, as Markdown parsers give it (without the fences and the last newline). */
  text: string;
  /** The chapter it is in, relative to the website, and the line of its opening fence. */
  file: string;
  line: number;
}

/** A diagram's name: a hash of its text, so that a changed diagram needs rendering again. */
export function diagramId(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** The file a diagram is drawn in, for one colour scheme. */
export function diagramFile(id: string, scheme: Scheme): string {
  return `${id}.${scheme}.svg`;
}

/** The folders that hold chapters: `docs/` and each locale's translated docs under `i18n/`. */
async function chapterFolders(): Promise<string[]> {
  const folders = [join(WEBSITE_DIR, "docs")];
  const locales = await readdir(join(WEBSITE_DIR, "i18n")).catch(() => []);
  for (const locale of locales) {
    folders.push(join(WEBSITE_DIR, "i18n", locale, "docusaurus-plugin-content-docs"));
  }
  return folders;
}

/** Every ```mermaid block of every chapter, in every locale. */
export async function findDiagramSources(): Promise<DiagramSource[]> {
  const sources: DiagramSource[] = [];
  for (const folder of await chapterFolders()) {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile() || !/\.mdx?$/.test(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      sources.push(...diagramsIn(await readFile(path, "utf8"), relative(WEBSITE_DIR, path)));
    }
  }
  return sources.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** The ```mermaid blocks of one Markdown text (fences at the start of a line, as the chapters write them). */
export function diagramsIn(markdown: string, file: string): DiagramSource[] {
  const found: DiagramSource[] = [];
  const fence = /^```mermaid[^\S\n]*\n([\s\S]*?)\n?^```[^\S\n]*$/gm;
  for (const match of markdown.matchAll(fence)) {
    const text = match[1] ?? "";
    const line = markdown.slice(0, match.index).split("\n").length;
    found.push({ id: diagramId(text), text, file, line });
  }
  return found;
}
