import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AuthServerUnderTest,
  type RunningAuthServer,
  startAuthServerUnderTest,
} from "../support/auth-server-under-test.js";

const LIMIT = 64 * 1024;

interface Answer {
  status: number;
  body: unknown;
  /** Bytes of the body the client had handed to the connection when the answer came. */
  sentBytes: number;
}

/**
 * POSTs a body that never ends on its own: `declaredLength` as Content-Length (or chunked when undefined), 16 KiB
 * written at a time, up to `maxBytes`, then it waits. Resolves with the answer, or rejects after 10 s without one.
 */
function postEndlessBody(url: string, declaredLength: number | undefined, maxBytes: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const req = request(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: "http://localhost:3999",
        ...(declaredLength === undefined ? {} : { "content-length": String(declaredLength) }),
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer after ${sentBytes} bytes`));
    }, 10_000);
    req.on("response", (response) => {
      answered = true;
      let text = "";
      response.on("data", (chunk) => {
        text += String(chunk);
      });
      response.on("end", () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text), sentBytes });
      });
    });
    // The server closes the connection after answering; writes that were under way fail, as expected.
    req.on("error", () => undefined);
    const chunk = Buffer.alloc(16 * 1024, " ");
    const write = () => {
      if (answered || sentBytes >= maxBytes) return;
      sentBytes += chunk.length;
      if (req.write(chunk)) setImmediate(write);
      else req.once("drain", write);
    };
    req.write("{");
    write();
  });
}

describe("request bodies over 64 KiB", () => {
  let underTest: AuthServerUnderTest;
  let environment: AuthServerUnderTest["environment"];
  let server: RunningAuthServer;

  const post = (path: string, body: string) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: environment.env.WEBSITE_URL as string },
      body,
    });
  /** A sign-in body of exactly `bytes` bytes (a padded e-mail field keeps it valid JSON). */
  const signInOf = (bytes: number) => {
    const start = '{"password":"whatever 1","email":"x@example.com","padding":"';
    return `${start}${"p".repeat(bytes - start.length - 2)}"}`;
  };

  beforeAll(async () => {
    underTest = await startAuthServerUnderTest({ RATE_LIMIT_ENABLED: "false" });
    ({ server, environment } = underTest);
  });
  afterAll(async () => {
    await underTest?.close();
  });

  it("refuses a declared 100 MB body at once with 413 PAYLOAD_TOO_LARGE, before it is sent", async () => {
    const answer = await postEndlessBody(
      `${server.url}/api/auth/sign-in/email`,
      100 * 1024 * 1024,
      LIMIT / 4,
    );
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({ code: "PAYLOAD_TOO_LARGE", message: expect.stringMatching(/64 KiB/) });
  });

  it("refuses a chunked 100 MB body without Content-Length once 64 KiB are read, and reads no further", async () => {
    const answer = await postEndlessBody(
      `${server.url}/api/auth/sign-up/email`,
      undefined,
      100 * 1024 * 1024,
    );
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    // The body never ends, so only a server that stopped reading could answer; what the client got onto the
    // connection meanwhile is what the kernel's buffers hold, a few megabytes, not the 100 MB.
    expect(answer.sentBytes).toBeLessThan(16 * 1024 * 1024);
  });

  it("takes a body of exactly 64 KiB and refuses one byte more", async () => {
    const atLimit = await post("/api/auth/sign-in/email", signInOf(LIMIT));
    expect(atLimit.status).toBe(401);
    const over = await post("/api/auth/sign-in/email", signInOf(LIMIT + 1));
    expect(over.status).toBe(413);
    expect(await over.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("refuses a 1 MB body sent whole by an ordinary client, on any route", async () => {
    for (const path of ["/api/auth/sign-up/email", "/api/auth/unknown-route", "/healthz"]) {
      const response = await post(path, JSON.stringify({ name: "x".repeat(1024 * 1024) }));
      expect(response.status, path).toBe(413);
      expect(await response.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    }
  });

  it("still answers a small request on the same server afterwards", async () => {
    const response = await post("/api/auth/sign-in/email", signInOf(200));
    expect(response.status).toBe(401);
  });
});
