import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const DOCS = join(dirname(fileURLToPath(import.meta.url)), "../../docs");

// An equation written as ASCII: a relation whose right side applies an operator or a function to symbols
// (`x_zmp = x_com - (z_c / g) * x_com_ddot`, `T_i = Rot_z(theta_i) * …`), or the maths vocabulary the book used
// before KaTeX (`sum_i`, `_ddot`, `sqrt(`, `^T`). Program output (`omega = 3.50 1/s`) has numbers on the right.
const RELATION = /\s(=|<=|>=|≤|≥)\s(.*)$/;
const SYMBOLIC = /[A-Za-z_)\]]\w*\s*[*/^]\s*[A-Za-z_(]|\b[A-Za-z_]\w*\(\s*[A-Za-z_]/;
const MATHS_WORDS = /\bsum_\w|_ddot\b|\bsqrt\(|\^T\b|\^-1\b|\batan2\(/;

/** The lines of `text` code blocks in a chapter that read as ASCII equations. */
function asciiEquations(source: string): string[] {
  const blocks = source.match(/^```text[^\n]*\n[\s\S]*?^```/gm) ?? [];
  return blocks.flatMap((block) =>
    block
      .split("\n")
      .slice(1, -1)
      .filter((line) => {
        const relation = RELATION.exec(line);
        return MATHS_WORDS.test(line) || (relation !== null && SYMBOLIC.test(relation[2] ?? ""));
      }),
  );
}

async function chapters(): Promise<string[]> {
  const files = await readdir(DOCS, { recursive: true });
  return files.filter((file) => /\.mdx?$/.test(file));
}

describe("the chapters' maths", () => {
  it("recognises an ASCII equation in a text block, and not a program's printed output", () => {
    expect(asciiEquations("```text\nx_zmp = x_com - (z_c / g) * x_com_ddot\n```")).toHaveLength(1);
    expect(asciiEquations("```text\ntau = J(q)^T F\n```")).toHaveLength(1);
    expect(asciiEquations("```text\nomega = 3.50 1/s, time constant = 0.286 s\n```")).toEqual([]);
    expect(asciiEquations("```text\nplane normal [-0.004 -0.     1.   ], d = -0.752\n```")).toEqual([]);
  });

  it("keeps no equation in a text block: every one is LaTeX, typeset by KaTeX", async () => {
    const found: string[] = [];
    for (const file of await chapters()) {
      for (const line of asciiEquations(await readFile(join(DOCS, file), "utf8")))
        found.push(`${file}: ${line}`);
    }
    expect(found).toEqual([]);
  });

  it("writes the balance chapter's equations in LaTeX", async () => {
    const source = await readFile(join(DOCS, "05-humanoid-control/02-balance-and-zmp.mdx"), "utf8");
    expect(source).toContain("x_{\\text{zmp}} = x_{\\text{com}} - \\frac{z_c}{g}\\, \\ddot x_{\\text{com}}");
  });
});
