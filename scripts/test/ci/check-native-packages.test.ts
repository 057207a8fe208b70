import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { missingNativePackages } from "../../src/ci/check-native-packages.js";

describe("the check for native packages npm left out", () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "native-packages-"));
    const here = { os: [process.platform], cpu: [process.arch] };
    await writeFile(
      join(root, "package-lock.json"),
      JSON.stringify({
        packages: {
          "": { name: "app" },
          "node_modules/@tool/binding-here": { optional: true, ...here },
          "node_modules/@tool/binding-elsewhere": { optional: true, os: [`!${process.platform}`] },
          "node_modules/@tool/binding-other-cpu": {
            optional: true,
            os: [process.platform],
            cpu: ["no-such-cpu"],
          },
          "node_modules/plain-optional": { optional: true },
          "node_modules/tool": {},
        },
      }),
    );
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("names the optional package for this platform that is not installed, and only that one", async () => {
    expect(missingNativePackages(root)).toEqual(["node_modules/@tool/binding-here"]);
    await mkdir(join(root, "node_modules/@tool/binding-here"), { recursive: true });
    expect(missingNativePackages(root)).toEqual([]);
  });

  it("finds nothing missing in this repository's own install", () => {
    expect(missingNativePackages(join(import.meta.dirname, "../../.."))).toEqual([]);
  });
});
