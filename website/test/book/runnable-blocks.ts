import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** A ```python fence marked `runnable` and the ```text title="Output" fence that follows it. */
export interface RunnableBlock {
  /** The chapter file, relative to the docs folder. */
  file: string;
  /** 1-based line of the opening ```python fence. */
  line: number;
  /** The fence's title="…", or "" when it has none. */
  title: string;
  code: string;
  /** The expected output, or undefined when no Output block follows (a mistake in the chapter). */
  expectedOutput: string | undefined;
}

interface Fence {
  line: number;
  language: string;
  meta: string;
  body: string;
}

const OPENING = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/;

/** Every fenced code block of a Markdown/MDX text, in order, with its indentation removed. */
export function parseFences(text: string): Fence[] {
  const lines = text.split("\n");
  const fences: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPENING.exec(lines[i] ?? "");
    if (!open) continue;
    const [, indent = "", marker = "", language = "", meta = ""] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const candidate = lines[j] ?? "";
      // A closing fence uses the same character, at least as many of them, and nothing after it.
      if (candidate.trim().startsWith(marker) && /^[`~]+$/.test(candidate.trim())) break;
      body.push(candidate.startsWith(indent) ? candidate.slice(indent.length) : candidate.trimStart());
    }
    fences.push({ line: i + 1, language, meta: meta.trim(), body: body.join("\n") });
    i = j;
  }
  return fences;
}

function hasWord(meta: string, word: string): boolean {
  return meta
    .replace(/"[^"]*"/g, "")
    .split(/\s+/)
    .includes(word);
}

/** The runnable Python blocks of one chapter text (`file` only labels them). */
export function findRunnableBlocks(file: string, text: string): RunnableBlock[] {
  const fences = parseFences(text);
  const blocks: RunnableBlock[] = [];
  fences.forEach((fence, index) => {
    if (fence.language !== "python" || !hasWord(fence.meta, "runnable")) return;
    const next = fences[index + 1];
    const isOutput = next?.language === "text" && /title="Output"/.test(next.meta);
    blocks.push({
      file,
      line: fence.line,
      title: /title="([^"]*)"/.exec(fence.meta)?.[1] ?? "",
      code: fence.body,
      expectedOutput: isOutput ? next.body : undefined,
    });
  });
  return blocks;
}

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return /\.mdx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every runnable Python block under the docs folder, file by file in a stable order. */
export function findRunnableBlocksIn(docsFolder: string): RunnableBlock[] {
  return markdownFiles(docsFolder)
    .sort()
    .flatMap((path) => findRunnableBlocks(relative(docsFolder, path), readFileSync(path, "utf8")));
}

/** Output as compared: trailing whitespace of each line and trailing blank lines dropped. */
export function normaliseOutput(output: string): string {
  return output
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trimEnd();
}
