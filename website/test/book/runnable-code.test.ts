import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { findRunnableBlocks, findRunnableBlocksIn, normaliseOutput } from "./runnable-blocks.js";

// The book promises these scripts run on Debian's Python with Debian's NumPy (python3-numpy), nothing from PyPI.
const PYTHON = "/usr/bin/python3";
const DOCS = fileURLToPath(new URL("../../docs", import.meta.url));
const blocks = findRunnableBlocksIn(DOCS);
const workFolder = mkdtempSync(join(tmpdir(), "runnable-code-"));

afterAll(() => rmSync(workFolder, { recursive: true, force: true }));

function run(code: string): string {
  return execFileSync(PYTHON, ["-"], {
    input: code,
    cwd: workFolder,
    encoding: "utf8",
    timeout: 60_000,
    env: { PATH: "/usr/bin:/bin", PYTHONHASHSEED: "0", PYTHONDONTWRITEBYTECODE: "1", LC_ALL: "C.UTF-8" },
  });
}

describe("the book's runnable Python", () => {
  it("runs on Debian's Python 3 with NumPy (install python3 and python3-numpy)", () => {
    expect(existsSync(PYTHON), `${PYTHON} is missing: apt-get install python3 python3-numpy`).toBe(true);
    expect(run("import numpy\nprint('ok')").trim(), "NumPy is missing: apt-get install python3-numpy").toBe(
      "ok",
    );
  });

  it("is found in the chapters", () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it.each(blocks.map((block) => [`${block.file}:${block.line} ${block.title}`, block] as const))(
    "%s prints the output the book shows",
    (_label, block) => {
      expect(
        block.expectedOutput,
        `${block.file}:${block.line}: a runnable block must be followed by a \`\`\`text title="Output" block`,
      ).toBeDefined();
      expect(normaliseOutput(run(block.code))).toBe(normaliseOutput(block.expectedOutput ?? ""));
    },
  );
});

describe("finding runnable blocks in a chapter", () => {
  const chapter = [
    "Some prose.",
    "",
    '```python title="a.py" runnable',
    "print(1)",
    "```",
    "",
    '```text title="Output"',
    "1",
    "```",
    "",
    '```python title="ros_node.py"',
    "import rclpy",
    "```",
    "",
    "  ```python runnable",
    "  print(2)",
    "  ```",
    "",
    '```text title="not the output"',
    "2",
    "```",
  ].join("\n");
  const found = findRunnableBlocks("chapter.md", chapter);

  it("takes only python fences marked runnable, with the Output block that follows", () => {
    expect(
      found.map(({ line, title, code, expectedOutput }) => ({ line, title, code, expectedOutput })),
    ).toEqual([
      { line: 3, title: "a.py", code: "print(1)", expectedOutput: "1" },
      { line: 15, title: "", code: "print(2)", expectedOutput: undefined },
    ]);
  });

  it("does not mistake the word runnable inside a title for the marker", () => {
    expect(findRunnableBlocks("c.md", '```python title="not runnable here"\nx\n```\n')).toEqual([]);
  });

  it("ignores trailing whitespace and trailing blank lines when comparing output", () => {
    expect(normaliseOutput("a  \r\nb\n\n")).toBe(normaliseOutput("a\nb"));
    expect(normaliseOutput("a\nb")).not.toBe(normaliseOutput("a\n b"));
  });
});
