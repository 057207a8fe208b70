import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";

const DATABASE_URL = "postgres://auth@127.0.0.1:5432/textbook";

describe("the auth-server configuration", () => {
  const folders: string[] = [];
  const dataDir = () => {
    const folder = mkdtempSync(join(tmpdir(), "auth-config-"));
    folders.push(folder);
    return folder;
  };
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it("uses the contract's defaults for a laptop", () => {
    const config = loadConfig({ DATABASE_URL, DATA_DIR: dataDir() });
    expect(config).toMatchObject({
      baseUrl: "http://localhost:4000",
      websiteUrl: "http://localhost:3000",
      jwtIssuer: "http://localhost:4000",
      jwtAudience: "http://localhost:4100",
      jwtTtlSeconds: 900,
      keyRotationSeconds: 30 * 86_400,
      port: 4000,
      host: "127.0.0.1",
      requireEmailVerification: true,
      trustProxy: false,
      rateLimitEnabled: true,
      smtpUrl: undefined,
    });
    expect(config.outboxDir).toBe(join(config.dataDir, "outbox"));
  });

  it("generates the secret once, keeps it with mode 600, and reads the same one next time", () => {
    const folder = dataDir();
    const first = loadConfig({ DATABASE_URL, DATA_DIR: folder });
    const second = loadConfig({ DATABASE_URL, DATA_DIR: folder });
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(second.secret).toBe(first.secret);
    expect(statSync(join(folder, "better-auth-secret")).mode & 0o777).toBe(0o600);
  });

  it("requires a secret of at least 32 characters in production", () => {
    expect(() => loadConfig({ DATABASE_URL, NODE_ENV: "production" })).toThrow(
      /BETTER_AUTH_SECRET is required/,
    );
    expect(() => loadConfig({ DATABASE_URL, NODE_ENV: "production", BETTER_AUTH_SECRET: "short" })).toThrow(
      /BETTER_AUTH_SECRET must be at least 32/,
    );
  });

  it("reads BETTER_AUTH_SECRETS as versioned secrets, the current one first", () => {
    const current = "c".repeat(32);
    const previous = "p".repeat(40);
    const config = loadConfig({
      DATABASE_URL,
      NODE_ENV: "production",
      SMTP_URL: "smtps://mailer:secret@smtp.example.com:465",
      BETTER_AUTH_SECRETS: ` 2:${current} , 1:${previous}`,
    });
    expect(config.secrets).toEqual([
      { version: 2, value: current },
      { version: 1, value: previous },
    ]);
    // Without BETTER_AUTH_SECRET, the current secret is also the one tried on keys stored before versions.
    expect(config.secret).toBe(current);
    expect(loadConfig({ DATABASE_URL, DATA_DIR: dataDir() }).secrets).toBeUndefined();
  });

  it.each([
    ["an entry without a version", `${"s".repeat(32)}`, /entry 1 is not/],
    [
      "a secret under 32 characters",
      `2:${"s".repeat(32)},1:short-but-secret`,
      /entry 2 has a secret shorter/,
    ],
    ["a repeated version", `1:${"s".repeat(32)},1:${"t".repeat(32)}`, /entry 2 repeats a version/],
    ["a new secret appended instead of put first", `1:${"s".repeat(32)},2:${"t".repeat(32)}`, /highest/],
  ])("refuses BETTER_AUTH_SECRETS with %s, without echoing a secret", (_, value, message) => {
    const load = () => loadConfig({ DATABASE_URL, DATA_DIR: dataDir(), BETTER_AUTH_SECRETS: value });
    expect(load).toThrow(/BETTER_AUTH_SECRETS/);
    expect(load).toThrow(message);
    expect(load).not.toThrow(/sss|ttt|short-but-secret/);
  });

  it("names every malformed variable in one message", () => {
    expect(() =>
      loadConfig({ DATABASE_URL: "mysql://x", JWT_TTL: "soon", WEBSITE_URL: "nope", DATA_DIR: dataDir() }),
    ).toThrow(/DATABASE_URL[\s\S]*WEBSITE_URL[\s\S]*JWT_TTL|DATABASE_URL[\s\S]*JWT_TTL[\s\S]*WEBSITE_URL/);
  });

  it("reads JWT_TTL as the profile-api does: bare seconds or a number with a unit", () => {
    for (const [value, seconds] of [
      ["900", 900],
      ["15m", 900],
      ["15 m", 900],
      ["1h", 3_600],
    ] as const) {
      expect(loadConfig({ DATABASE_URL, DATA_DIR: dataDir(), JWT_TTL: value }).jwtTtlSeconds).toBe(seconds);
    }
    expect(() => loadConfig({ DATABASE_URL, DATA_DIR: dataDir(), JWT_TTL: "15 minutes" })).toThrow(
      /JWT_TTL must be a whole number of seconds \(900\) or of s, m, h or d/,
    );
  });

  it("refuses a key grace period that a valid token could outlive", () => {
    expect(() =>
      loadConfig({ DATABASE_URL, DATA_DIR: dataDir(), JWT_TTL: "1h", JWT_KEY_GRACE_PERIOD: "1h" }),
    ).toThrow(/JWT_KEY_GRACE_PERIOD/);
  });

  it("turns a social provider on only with both its client id and secret", () => {
    const env = { DATABASE_URL, DATA_DIR: dataDir() };
    expect(loadConfig({ ...env, GITHUB_CLIENT_ID: "id", GITHUB_CLIENT_SECRET: "s" }).github).toEqual({
      clientId: "id",
      clientSecret: "s",
    });
    expect(() => loadConfig({ ...env, GOOGLE_CLIENT_ID: "id" })).toThrow(/GOOGLE_CLIENT_SECRET/);
  });

  it("keeps rate limits on in production", () => {
    const env = {
      DATABASE_URL,
      NODE_ENV: "production",
      BETTER_AUTH_SECRET: "x".repeat(32),
      SMTP_URL: "smtp://smtp.example.com:587",
    };
    expect(() => loadConfig({ ...env, RATE_LIMIT_ENABLED: "false" })).toThrow(/RATE_LIMIT_ENABLED/);
  });

  it("needs SMTP_URL in production: the outbox is a laptop tool", () => {
    const env = { DATABASE_URL, NODE_ENV: "production", BETTER_AUTH_SECRET: "x".repeat(32) };
    expect(() => loadConfig(env)).toThrow(/SMTP_URL is required when NODE_ENV=production/);
    expect(loadConfig({ ...env, SMTP_URL: "smtp://smtp.example.com:587" }).smtpUrl).toBe(
      "smtp://smtp.example.com:587",
    );
  });

  it.each([
    ["empty", ""],
    ["short", "only-twenty-chars-xx\n"],
  ])("refuses an %s local secret file, saying what to do", (_case, content) => {
    const folder = dataDir();
    writeFileSync(join(folder, "better-auth-secret"), content);
    const load = () => loadConfig({ DATABASE_URL, DATA_DIR: folder });
    expect(load).toThrow(/better-auth-secret holds (nothing|only 20 characters)/);
    expect(load).toThrow(/Delete the file and start again/);
    expect(load).not.toThrow(/only-twenty/);
  });
});
