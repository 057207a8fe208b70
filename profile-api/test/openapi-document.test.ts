import { execFile } from "node:child_process";
import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ProfileApiUnderTest, startProfileApiUnderTest } from "./helpers/profile-api-under-test.js";

const REDOCLY_CLI = join(
  dirname(createRequire(import.meta.url).resolve("@redocly/cli/package.json")),
  "bin/cli.js",
);

// The profile-api's own Redocly configuration and the exceptions it allows, linted with the document beside them.
const PROFILE_API_DIR = fileURLToPath(new URL("..", import.meta.url));
const LINT_FILES = ["redocly.yaml", ".redocly.lint-ignore.yaml"];

interface Operation {
  operationId?: string;
  security?: unknown[];
}
interface OpenApiDocument {
  info: { license?: { name: string; identifier?: string } };
  servers?: { url: string }[];
  security?: unknown[];
  paths: Record<string, Record<string, Operation>>;
}

/** What `redocly lint` (the recommended rules, profile-api/redocly.yaml) reports about `document`. */
async function redoclyLint(
  document: unknown,
): Promise<{ ruleId: string; severity: string; message: string }[]> {
  const dir = await mkdtemp(join(tmpdir(), "profile-api-openapi-"));
  try {
    await writeFile(join(dir, "openapi.json"), JSON.stringify(document));
    for (const name of LINT_FILES) await copyFile(join(PROFILE_API_DIR, name), join(dir, name));
    // `lint` exits 1 when it finds an error: the report on stdout is what counts either way.
    const stdout = await promisify(execFile)(
      process.execPath,
      [REDOCLY_CLI, "lint", "openapi.json", "--format=json"],
      // No telemetry and no update check: tests make no calls to the internet.
      { cwd: dir, env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
    ).then(
      (result) => result.stdout,
      (error: { stdout?: string }) => error.stdout ?? "",
    );
    return (JSON.parse(stdout) as { problems: { ruleId: string; severity: string; message: string }[] })
      .problems;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("the OpenAPI document, as client generators read it", () => {
  let api: ProfileApiUnderTest;
  let document: OpenApiDocument;
  beforeAll(async () => {
    api = await startProfileApiUnderTest();
    // On a loaded machine the API may shed a request with 503 (under-pressure), as a client would see: ask again.
    const response = await vi.waitFor(
      async () => {
        const answer = await fetch(`${api.url}/openapi.json`);
        expect(answer.status).toBe(200);
        return answer;
      },
      { timeout: 60_000, interval: 1_000 },
    );
    document = (await response.json()) as OpenApiDocument;
  });
  afterAll(() => api?.close());

  it("passes Redocly's recommended rules with no error and no warning", async () => {
    expect(await redoclyLint(document)).toEqual([]);
  });

  it("still reports problems when the document has them (the linter really runs)", async () => {
    const { servers: _servers, ...withoutServers } = document;
    expect(await redoclyLint(withoutServers)).toEqual([
      expect.objectContaining({ ruleId: "no-empty-servers" }),
    ]);
  });

  it("names every operation as a generated client would call it", () => {
    const names = Object.fromEntries(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, operation]) => [
          `${method.toUpperCase()} ${path}`,
          operation.operationId,
        ]),
      ),
    );
    expect(names).toEqual({
      "GET /healthz": "getLiveness",
      "GET /readyz": "getReadiness",
      "GET /v1/profiles/me": "getMyProfile",
      "PUT /v1/profiles/me": "replaceMyProfile",
      "PATCH /v1/profiles/me": "updateMyProfile",
      "DELETE /v1/profiles/me": "deleteMyProfile",
      "GET /v1/me/export": "exportMyData",
      "GET /v1/progress": "getMyProgress",
      "PATCH /v1/progress": "recordMyProgress",
      "DELETE /v1/progress": "resetMyProgress",
    });
  });

  it("asks for a token everywhere but the health checks, and states the licence and the server", () => {
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    expect(document.paths["/healthz"]?.get?.security).toEqual([]);
    expect(document.paths["/readyz"]?.get?.security).toEqual([]);
    expect(document.paths["/v1/profiles/me"]?.get?.security).toEqual([{ bearerAuth: [] }]);
    expect(document.info.license).toEqual({ name: "MIT", identifier: "MIT" });
    expect(document.servers).toEqual([expect.objectContaining({ url: "/" })]);
  });
});
