import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Code, Root } from "mdast";
import {
  DIAGRAMS_DIR,
  type DiagramManifest,
  diagramFile,
  diagramId,
  MANIFEST_FILE,
  type Scheme,
} from "../diagrams/diagram-sources.js";

interface Node {
  type: string;
  children?: Node[];
}

type Attributes = Record<string, string | number>;

const element = (name: string, attributes: Attributes, children: unknown[] = []) => ({
  type: "mdxJsxFlowElement",
  name,
  attributes: Object.entries(attributes).map(([key, value]) => ({
    type: "mdxJsxAttribute",
    name: key,
    value: String(value),
  })),
  children,
});

/**
 * A remark plugin that shows each ```mermaid block as the drawing committed for it in `static/img/diagrams/`
 * (drawn by `npm run diagrams -w website`, see diagrams/render-diagrams.ts): two images, the light and the dark
 * scheme's, of which custom.css shows the one of the current colour mode. No Mermaid runtime reaches the browser,
 * and the build needs no browser. A block whose drawing is missing or stale stops the build, naming the chapter.
 * `baseUrl` is the site's base path (the images are plain `<img>` elements, which Docusaurus does not prefix).
 */
export function remarkMermaidImages({ baseUrl }: { baseUrl: string }) {
  const manifest = JSON.parse(readFileSync(join(DIAGRAMS_DIR, MANIFEST_FILE), "utf8")) as DiagramManifest;
  return (tree: Root, file: { path?: string }) => {
    replaceDiagrams(tree as Node, (code) => {
      const id = diagramId(code.value);
      const drawn = manifest[id];
      if (!drawn) {
        throw new Error(
          `${file.path ?? "a chapter"}:${code.position?.start.line ?? "?"}: this Mermaid diagram has no ` +
            "drawing (new or changed): run `npm run diagrams -w website` and commit static/img/diagrams/.",
        );
      }
      const image = (scheme: Scheme) =>
        element("img", {
          className: `mermaid-diagram__${scheme}`,
          src: `${baseUrl}img/diagrams/${diagramFile(id, scheme)}`,
          alt: drawn.alt,
          width: drawn.width,
          height: drawn.height,
          // The hidden scheme's image is never fetched (display: none), nor one far below the fold.
          loading: "lazy",
          decoding: "async",
        });
      return element("div", { className: "mermaid-diagram" }, [image("light"), image("dark")]);
    });
  };
}

function replaceDiagrams(node: Node, replace: (code: Code) => unknown): void {
  const children = node.children;
  if (!children) return;
  children.forEach((child, index) => {
    if (child.type === "code" && (child as unknown as Code).lang === "mermaid") {
      children[index] = replace(child as unknown as Code) as Node;
    } else {
      replaceDiagrams(child, replace);
    }
  });
}
