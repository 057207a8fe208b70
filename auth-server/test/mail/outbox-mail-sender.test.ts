import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { verificationMail } from "../../src/mail/account-mails.js";
import { createOutboxMailSender } from "../../src/mail/outbox-mail-sender.js";

describe("the local outbox", () => {
  const folder = mkdtempSync(join(tmpdir(), "outbox-test-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("writes one private file per mail and logs the file, never the link", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const outbox = join(folder, "outbox");
    const sender = createOutboxMailSender(
      outbox,
      "Textbook <no-reply@localhost>",
      createLogger("info", sink),
    );
    await sender.send(
      verificationMail("ada@example.com", "http://localhost:4000/api/auth/verify-email?token=t1"),
    );
    await sender.send(
      verificationMail("bob@example.com", "http://localhost:4000/api/auth/verify-email?token=t2"),
    );

    const files = readdirSync(outbox).map((name) => join(outbox, name));
    expect(files).toHaveLength(2);
    const mails = files.map((file) => JSON.parse(readFileSync(file, "utf8")));
    expect(mails.find((mail) => mail.to === "ada@example.com")).toMatchObject({
      from: "Textbook <no-reply@localhost>",
      text: expect.stringContaining("token=t1"),
    });
    for (const file of files) expect(statSync(file).mode & 0o777).toBe(0o600);
    const log = lines.join("");
    expect(log).toContain(files.find((file) => readFileSync(file, "utf8").includes("token=t2")));
    expect(log).not.toContain("token=t");
  });
});
