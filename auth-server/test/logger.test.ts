import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.js";

describe("the logger", () => {
  it("redacts cookies, authorization headers, passwords and tokens", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger("info", sink);
    logger.info(
      {
        req: { headers: { cookie: "better-auth.session_token=abc", authorization: "Bearer eyJsecret" } },
        res: { headers: { "set-cookie": "better-auth.session_token=abc", "set-auth-jwt": "eyJsecret" } },
        password: "hunter22hunter22",
        body: { password: "hunter22hunter22", token: "reset-token" },
      },
      "a request",
    );
    const line = lines.join("");
    expect(line).toContain("a request");
    for (const secret of ["session_token=abc", "eyJsecret", "hunter22", "reset-token"])
      expect(line).not.toContain(secret);
  });
});
