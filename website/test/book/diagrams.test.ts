import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  DIAGRAMS_DIR,
  type DiagramManifest,
  diagramFile,
  diagramsIn,
  findDiagramSources,
  MANIFEST_FILE,
} from "../../diagrams/diagram-sources.js";

const RENDER = fileURLToPath(new URL("../../diagrams/render-diagrams.ts", import.meta.url));
const TSX = fileURLToPath(new URL("../../../node_modules/tsx/dist/cli.mjs", import.meta.url));
const redrawn = mkdtempSync(join(tmpdir(), "book-diagrams-"));

afterAll(() => rmSync(redrawn, { recursive: true, force: true }));

const manifest = (folder: string) =>
  JSON.parse(readFileSync(join(folder, MANIFEST_FILE), "utf8")) as DiagramManifest;

describe("the book's Mermaid diagrams", () => {
  it("finds each ```mermaid block with the text a Markdown parser gives it", () => {
    const chapter = "Intro\n\n```mermaid\nflowchart LR\n    A --> B\n```\n\nText\n";
    expect(diagramsIn(chapter, "intro.md")).toEqual([
      expect.objectContaining({ text: "flowchart LR\n    A --> B", file: "intro.md", line: 3 }),
    ]);
  });

  it("each have a committed drawing in both colour schemes, with alternative text and a size", async () => {
    const sources = await findDiagramSources();
    expect(sources.length).toBeGreaterThan(0);
    const drawn = manifest(DIAGRAMS_DIR);
    for (const source of sources) {
      const where = `${source.file}:${source.line} (run npm run diagrams -w website)`;
      expect(drawn[source.id], where).toMatchObject({ alt: expect.stringMatching(/\w/) });
      expect(drawn[source.id]?.width, where).toBeGreaterThan(0);
      expect(existsSync(join(DIAGRAMS_DIR, diagramFile(source.id, "light"))), where).toBe(true);
      expect(existsSync(join(DIAGRAMS_DIR, diagramFile(source.id, "dark"))), where).toBe(true);
    }
  });

  it("keep no drawing that no chapter shows", async () => {
    const ids = new Set((await findDiagramSources()).map((source) => source.id));
    expect(Object.keys(manifest(DIAGRAMS_DIR)).filter((id) => !ids.has(id))).toEqual([]);
    const files = readdirSync(DIAGRAMS_DIR).filter((file) => file.endsWith(".svg"));
    expect(files.filter((file) => !ids.has(file.split(".")[0] ?? ""))).toEqual([]);
  });

  it("are what render-diagrams.ts draws today in Chromium (rerun it after upgrading Mermaid)", () => {
    execFileSync(process.execPath, [TSX, RENDER], {
      env: { ...process.env, DIAGRAMS_OUT: redrawn },
      encoding: "utf8",
      stdio: "pipe",
      timeout: 240_000,
    });
    expect(manifest(redrawn)).toEqual(manifest(DIAGRAMS_DIR));
    for (const file of readdirSync(redrawn).filter((name) => name.endsWith(".svg"))) {
      expect(readFileSync(join(DIAGRAMS_DIR, file), "utf8"), file).toBe(
        readFileSync(join(redrawn, file), "utf8"),
      );
    }
  }, 300_000);
});
