import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `node --import tsx scripts/src/ci/check-native-packages.ts`: checks that npm installed every optional package of
 * package-lock.json that this machine's platform, CPU and C library call for (the native bindings of rolldown,
 * esbuild, Biome, lightningcss …). An optional package that fails to install does not fail `npm ci`; vitest then
 * stops with "Cannot find native binding", far from the cause. Seen once in CI here: a clean `npm ci` that exited 0
 * without `@rolldown/binding-linux-x64-gnu`. Exit 0 when all are there, 1 listing the missing ones.
 */
interface LockedPackage {
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
}

/** npm's rule for `os`/`cpu`/`libc`: no list allows all; "!x" excludes x; otherwise the value must be listed. */
function allows(list: string[] | undefined, value: string): boolean {
  if (list === undefined || list.length === 0) return true;
  if (list.includes(`!${value}`)) return false;
  const allowed = list.filter((entry) => !entry.startsWith("!"));
  return allowed.length === 0 || allowed.includes(value);
}

/** The optional packages of `root`'s package-lock.json that this machine calls for and that are not installed. */
export function missingNativePackages(root: string): string[] {
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  const libc = report?.header?.glibcVersionRuntime ? "glibc" : "musl";
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
    packages: Record<string, LockedPackage>;
  };
  return Object.entries(lock.packages)
    .filter(
      ([path, pkg]) =>
        path !== "" &&
        pkg.optional === true &&
        (pkg.os !== undefined || pkg.cpu !== undefined || pkg.libc !== undefined) &&
        allows(pkg.os, process.platform) &&
        allows(pkg.cpu, process.arch) &&
        (process.platform !== "linux" || allows(pkg.libc, libc)),
    )
    .map(([path]) => path)
    .filter((path) => !existsSync(join(root, path)));
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const missing = missingNativePackages(resolve(dirname(fileURLToPath(import.meta.url)), "../../.."));
  if (missing.length > 0) {
    process.stderr.write(
      `npm skipped ${missing.length} native package(s) this machine needs: ${missing.join(", ")}.\n` +
        "Run `npm ci` (or `npm install`) again.\n",
    );
    process.exit(1);
  }
}
