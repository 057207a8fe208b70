/**
 * Draws every ```mermaid block of the chapters as SVG, in the light and the dark scheme, into
 * `static/img/diagrams/` with `diagrams.json` (alternative text and size), and removes drawings no chapter uses
 * any more. Run it after changing a diagram: `npm run diagrams -w website` (DIAGRAMS_OUT writes elsewhere, for
 * the test that compares). It needs Chromium (CHROMIUM_PATH, else `/usr/bin/chromium`): Mermaid measures text
 * in a browser. The build does not: it only links the committed files (`config/remark-mermaid-images.ts`).
 */
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";
import {
  DIAGRAMS_DIR,
  type DiagramManifest,
  diagramFile,
  findDiagramSources,
  MANIFEST_FILE,
  SCHEMES,
  type Scheme,
} from "./diagram-sources.js";
import { type Drawing, drawDiagram } from "./draw-diagram.js";

const require = createRequire(import.meta.url);
const MERMAID_SCRIPT = require.resolve("mermaid/dist/mermaid.min.js");
// The Urdu font the site serves (src/css/custom.css), for the labels of the Urdu chapters' diagrams.
const URDU_FONT_FILES = [400, 700].map((weight) => ({
  weight,
  path: require.resolve(
    `@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-${weight}-normal.woff2`,
  ),
}));

/** Loads the Urdu font into the drawing page and waits until it is ready, so text is measured with it. */
async function loadUrduFont(page: Page): Promise<void> {
  const faces = await Promise.all(
    URDU_FONT_FILES.map(async ({ weight, path }) => {
      const data = (await readFile(path)).toString("base64");
      return `@font-face { font-family: "Noto Naskh Arabic"; font-weight: ${weight}; src: url(data:font/woff2;base64,${data}) format("woff2"); }`;
    }),
  );
  await page.addStyleTag({ content: faces.join("\n") });
  await page.evaluate(async () => {
    await Promise.all([
      document.fonts.load('400 16px "Noto Naskh Arabic"', "ا"),
      document.fonts.load('700 16px "Noto Naskh Arabic"', "ا"),
    ]);
  });
}

async function main(): Promise<void> {
  const outDir = process.env.DIAGRAMS_OUT ?? DIAGRAMS_DIR;
  const sources = await findDiagramSources();
  const unique = new Map(sources.map((source) => [source.id, source]));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--font-render-hinting=none"],
  });
  const manifest: DiagramManifest = {};
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ path: MERMAID_SCRIPT });
    await loadUrduFont(page);
    await mkdir(outDir, { recursive: true });
    for (const [id, source] of unique) {
      process.stderr.write(`[diagrams] ${source.file}:${source.line} → ${id}\n`);
      let first: Drawing | undefined;
      for (const scheme of Object.keys(SCHEMES) as Scheme[]) {
        const drawing = await drawDiagram(page, id, source.text, SCHEMES[scheme]);
        first ??= drawing;
        await writeFile(join(outDir, diagramFile(id, scheme)), drawing.svg);
      }
      if (first) manifest[id] = { alt: first.alt, width: first.width, height: first.height };
    }
  } finally {
    await browser.close();
  }
  await writeFile(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  const kept = new Set(
    Object.keys(manifest).flatMap((id) => [diagramFile(id, "light"), diagramFile(id, "dark")]),
  );
  for (const file of await readdir(outDir)) {
    if (file.endsWith(".svg") && !kept.has(file)) await rm(join(outDir, file));
  }
  process.stderr.write(`[diagrams] ${unique.size} diagrams drawn into ${outDir}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`[diagrams] ${error.stack ?? error.message}\n`);
  process.exit(1);
});
