import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { vi } from "vitest";
import type { Mail } from "../mail/mail-sender.js";

/**
 * Every mail in the local outbox (OUTBOX_DIR, written by outbox-mail-sender.ts) addressed to `to`, oldest first
 * (file names sort by time). An outbox not created yet holds none.
 */
export async function mailsTo(outboxDir: string, to: string): Promise<Mail[]> {
  const names = await readdir(outboxDir).catch(() => [] as string[]);
  const mails = await Promise.all(
    names
      .filter((name) => name.endsWith(".json"))
      .sort()
      .map(async (name) => JSON.parse(await readFile(join(outboxDir, name), "utf8")) as Mail),
  );
  return mails.filter((mail) => mail.to === to);
}

/**
 * The newest mail to `to` whose subject contains `subject`, waiting for it (mail is sent after the response);
 * fails the test when none arrives within `timeoutMillis`. `after` skips that many mails that were already there.
 */
export async function lastMail(
  outboxDir: string,
  to: string,
  subject: string,
  after = 0,
  timeoutMillis = 5_000,
): Promise<Mail> {
  return vi.waitFor(
    async () => {
      const mails = (await mailsTo(outboxDir, to)).filter((mail) => mail.subject.includes(subject));
      if (mails.length <= after) throw new Error(`no new "${subject}" mail to ${to} in ${outboxDir}`);
      return mails.at(-1) as Mail;
    },
    { timeout: timeoutMillis, interval: 50 },
  );
}
