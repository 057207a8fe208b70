import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@textbook/dev-tools/free-port";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { lastMail } from "../src/testing/outbox.js";
import { type ServerProcess, startServerProcess } from "./support/server-process.js";

const WEBSITE = "http://localhost:3999";
const EMAIL = "logged@example.com";
const PASSWORD = "first secret password";
const NEW_PASSWORD = "second secret password";

/** The cookie pairs a response sets, as a Cookie header. */
const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] as string)
    .join("; ");

describe("the auth-server's log during a whole account flow", { timeout: 90_000 }, () => {
  let database: TestDatabase;
  let dataDir: string;
  let server: ServerProcess;
  let url: string;
  const secrets = new Map<string, string>();

  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${url}/api/auth${path}`, {
      ...init,
      redirect: "manual",
      headers: { "content-type": "application/json", origin: WEBSITE, ...init.headers },
    });
  const remember = (what: string, value: string | null | undefined) => {
    expect(value, what).toBeTruthy();
    secrets.set(what, value as string);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), "auth-log-"));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = startServerProcess({
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      AUTH_PORT: String(port),
      BETTER_AUTH_URL: url,
      WEBSITE_URL: WEBSITE,
      RATE_LIMIT_ENABLED: "false",
      // The most the log can say: nothing below this level is left out.
      LOG_LEVEL: "trace",
    });
    expect(await server.healthy(url)).toBe(true);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  });

  it("signs up, verifies, signs in, gets a JWT, resets the password and signs in again", async () => {
    remember("password", PASSWORD);
    remember("new password", NEW_PASSWORD);
    const body = (value: object) => ({ method: "POST", body: JSON.stringify(value) });
    expect(
      (await call("/sign-up/email", body({ email: EMAIL, password: PASSWORD, name: "Logged" }))).status,
    ).toBe(200);

    const verification = await lastMail(join(dataDir, "outbox"), EMAIL, "Confirm");
    remember("verification token", new URL(verification.link).searchParams.get("token"));
    const verified = await fetch(verification.link, { redirect: "manual" });
    expect(verified.status).toBe(302);
    remember("cookie after verification", cookiesOf(verified));

    const signIn = await call("/sign-in/email", body({ email: EMAIL, password: PASSWORD }));
    expect(signIn.status).toBe(200);
    const cookie = cookiesOf(signIn);
    remember("session cookie", cookie);
    remember("session token", ((await signIn.json()) as { token: string }).token);

    const session = await call("/get-session", { headers: { cookie } });
    remember("JWT of get-session", session.headers.get("set-auth-jwt"));
    const token = await call("/token", { headers: { cookie } });
    remember("JWT of /token", ((await token.json()) as { token: string }).token);

    const requested = await call(
      "/request-password-reset",
      body({ email: EMAIL, redirectTo: `${WEBSITE}/reset` }),
    );
    expect(requested.status).toBe(200);
    const reset = await lastMail(join(dataDir, "outbox"), EMAIL, "Reset");
    const resetToken = new URL(reset.link).pathname.split("/").at(-1);
    remember("reset token", resetToken);
    // The link as the learner's browser follows it: /api/auth/reset-password/<token>?callbackURL=…
    expect((await fetch(reset.link, { redirect: "manual" })).status).toBe(302);
    const changed = await call("/reset-password", body({ newPassword: NEW_PASSWORD, token: resetToken }));
    expect(changed.status).toBe(200);

    const again = await call("/sign-in/email", body({ email: EMAIL, password: NEW_PASSWORD }));
    expect(again.status).toBe(200);
    remember("second session cookie", cookiesOf(again));
    const second = await call("/token", { headers: { cookie: cookiesOf(again) } });
    remember("second JWT", ((await second.json()) as { token: string }).token);
  });

  it("holds none of the flow's secrets in any line, yet logs every request", async () => {
    // The process writes a request's line as its response ends: wait for the last request's (the second /token).
    await vi.waitFor(() => expect(server.output().split('"path":"/api/auth/token"')).toHaveLength(3), {
      timeout: 5_000,
      interval: 50,
    });
    const log = server.output();
    expect(log).toContain('"path":"/api/auth/reset-password/[redacted]?[redacted]"');
    expect(log).toContain('"path":"/api/auth/verify-email?[redacted]"');
    expect(log).toContain("mail written to the local outbox");
    const found = [...secrets].flatMap(([what, value]) =>
      // A cookie header holds several values: each name=value pair and each value must be absent.
      value
        .split("; ")
        .flatMap((pair) => [pair, pair.split("=").slice(1).join("=")])
        .filter((part) => part.length >= 8)
        .filter((part) => log.includes(part) || log.includes(encodeURIComponent(part)))
        .map(() => what),
    );
    expect(found).toEqual([]);
  });
});
