import type { Page } from "playwright-core";

/** A diagram drawn by Mermaid, ready to be served as an image. */
export interface Drawing {
  svg: string;
  alt: string;
  width: number;
  height: number;
}

/**
 * Mermaid's settings for a drawing that stands alone as an image file: labels as SVG text, not HTML in
 * `foreignObject` (which an `<img>` shows unreliably), and a font with Arial's metrics, which every reader's
 * system has (Liberation Sans here), so that labels fit their boxes where they are measured and where they are read.
 * Urdu labels (the `ur` locale's chapters) fall through to Noto Naskh Arabic, the font the site serves for Urdu:
 * render-diagrams.ts loads it from the npm package into the drawing page, so their boxes are measured with it on any
 * machine, whatever fonts the system has.
 */
const FONT = '"Liberation Sans", Arial, Helvetica, "Noto Naskh Arabic", sans-serif';

/**
 * Draws `text` with Mermaid (already loaded in `page` as `window.mermaid`) in the given Mermaid theme. The SVG
 * gets a fixed size (its viewBox) instead of Mermaid's `width="100%"`, so the page reserves its space before it
 * loads; its ids derive from `id`, so drawing the same text again gives the same file.
 */
export async function drawDiagram(page: Page, id: string, text: string, theme: string): Promise<Drawing> {
  return page.evaluate(
    async ({ id, text, theme, font }) => {
      const mermaid = (window as unknown as { mermaid: MermaidApi }).mermaid;
      mermaid.initialize({
        startOnLoad: false,
        theme,
        fontFamily: font,
        htmlLabels: false,
        flowchart: { htmlLabels: false },
        securityLevel: "strict",
        deterministicIds: true,
        deterministicIDSeed: id,
      });
      const { svg } = await mermaid.render(`diagram-${id}`, text);
      const document = new DOMParser().parseFromString(svg, "image/svg+xml");
      const root = document.documentElement;
      const [, , width = 0, height = 0] = (root.getAttribute("viewBox") ?? "").split(/\s+/).map(Number);
      root.setAttribute("width", String(Math.ceil(width)));
      root.setAttribute("height", String(Math.ceil(height)));
      root.removeAttribute("style");
      const described = [root.querySelector("title"), root.querySelector("desc")]
        .map((element) => element?.textContent?.trim())
        .filter(Boolean);
      // A label's lines are separate tspans: join them with spaces, not end to end. (No named functions in
      // here: tsx would wrap them in a helper that does not exist in the page.)
      const labels = Array.from(root.querySelectorAll("g.node, g.cluster-label, .actor, .messageText"))
        .map((element) => {
          const lines = Array.from(element.querySelectorAll(".text-outer-tspan"));
          const parts =
            lines.length > 0 ? lines.map((line) => line.textContent ?? "") : [element.textContent];
          return parts.join(" ").replace(/\s+/g, " ").trim();
        })
        .filter(Boolean);
      const alt = described.length > 0 ? described.join(": ") : `Diagram: ${[...new Set(labels)].join("; ")}`;
      return {
        svg: `${new XMLSerializer().serializeToString(root)}\n`,
        alt,
        width: Math.ceil(width),
        height: Math.ceil(height),
      };

      interface MermaidApi {
        initialize(config: Record<string, unknown>): void;
        render(id: string, text: string): Promise<{ svg: string }>;
      }
    },
    { id, text, theme, font: FONT },
  );
}
