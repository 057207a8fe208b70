import type { Root } from "mdast";

interface Node {
  type: string;
  children?: Node[];
}

function hasMath(node: Node): boolean {
  return node.type === "math" || node.type === "inlineMath" || (node.children ?? []).some(hasMath);
}

/**
 * A remark plugin (after remark-math) that links KaTeX's stylesheet from the head of the chapters that have
 * maths, and only those, so a page without maths loads none of it. The stylesheet and its fonts are served by
 * the site itself (katex-assets-plugin.ts), at `href`.
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
    const head = { type: "mdxJsxFlowElement", name: "Head", attributes: [], children: [link] };
    tree.children.unshift(head as unknown as Root["children"][number]);
  };
}
