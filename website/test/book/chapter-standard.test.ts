import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The standard a textbook chapter meets (issue 18): a figure a screen-reader user can follow, checked sources,
// and an answer under every self-check question; and every module closes with a summary page.
const DOCS = fileURLToPath(new URL("../../docs", import.meta.url));
const modules = readdirSync(DOCS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const chapters = modules.flatMap((module) =>
  readdirSync(join(DOCS, module))
    .filter((name) => /\.mdx?$/.test(name) && !name.startsWith("_") && !/^99-summary\./.test(name))
    .sort()
    .map((name) => ({ path: `${module}/${name}`, text: readFileSync(join(DOCS, module, name), "utf8") })),
);

/** The lines of the section that starts at the first `## ` heading matching `heading`, up to the next `## `. */
function section(text: string, heading: RegExp): string[] | undefined {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.startsWith("## ") && heading.test(line));
  if (start < 0) return undefined;
  const end = lines.findIndex((line, index) => index > start && line.startsWith("## "));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

describe.each(chapters)("chapter $path", ({ text }) => {
  it("has a figure with a text alternative and a caption", () => {
    const figures = [...text.matchAll(/<figure[\s>][\s\S]*?<\/figure>/g)].map((match) => match[0]);
    const described = figures.filter(
      (figure) =>
        /(aria-label|alt)="[^"]{10,}"/.test(figure) &&
        /<figcaption[\s>][\s\S]*\S[\s\S]*<\/figcaption>/.test(figure),
    );
    expect(described.length).toBeGreaterThan(0);
  });

  it("ends its teaching with Further reading that links its sources", () => {
    const reading = section(text, /^## Further reading/) ?? [];
    const linkedItems = reading.filter((line) => /^- .*\]\(https?:\/\//.test(line));
    expect(linkedItems.length).toBeGreaterThanOrEqual(2);
  });

  it("answers every self-check question in a collapsed block", () => {
    const questions = section(text, /check your understanding|self-check|exercises/i);
    expect(questions, "a self-check section").toBeDefined();
    const items = (questions ?? [])
      .join("\n")
      .split(/^(?=\d+\. )/m)
      .filter((item) => /^\d+\. /.test(item));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item, item.split("\n")[0]).toMatch(/<details>[\s\S]*<summary>[\s\S]*<\/details>/);
    }
  });
});

describe.each(modules)("module %s", (module) => {
  it("closes with a summary page", () => {
    expect(readdirSync(join(DOCS, module)).some((name) => /^99-summary\.mdx?$/.test(name))).toBe(true);
  });
});
