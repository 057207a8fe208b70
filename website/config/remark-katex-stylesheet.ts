import type { Root } from "mdast";

interface Node {
  type: string;
  children?: Node[];
}

function hasMath(node: Node): boolean {
  return node.type === "math" || node.type === "inlineMath" || (node.children ?? []).some(hasMath);
}

/**
 * A remark plugin (after remark-math) that links KaTeX's stylesheet from the chapters that have maths, and only
 * those, so a page without maths loads none of it. The stylesheet and its fonts are served by the site itself
 * (katex-assets-plugin.ts), at `href`.
 *
 * The `<link>` opens the chapter's body (HTML allows a stylesheet there; the text after it waits for it), not the
 * `<head>` through Docusaurus's `<Head>`: there, react-helmet removed the server's `<link>` while the page hydrated
 * and appended a new one (seen in Chromium: its tag update found no equal tag in the state it had at that moment).
 * The maths flashed unstyled and the whole page was styled and laid out again: about 1.5 s of Lighthouse's blocking
 * time on `/docs/humanoid-control/balance-and-zmp` (BENCHMARKS.md, "website"). React renders a `<link rel="stylesheet">`
 * without `precedence` where it stands, and hydrates it like any other element.
 */
export function remarkKatexStylesheet({ href }: { href: string }) {
  return (tree: Root) => {
    if (!hasMath(tree as Node)) return;
    const link = {
      type: "mdxJsxFlowElement",
      name: "link",
      attributes: [
        { type: "mdxJsxAttribute", name: "rel", value: "stylesheet" },
        { type: "mdxJsxAttribute", name: "href", value: href },
      ],
      children: [],
    };
    tree.children.unshift(link as unknown as Root["children"][number]);
  };
}
