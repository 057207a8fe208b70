import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Mail } from "../../src/mail/mail-sender.js";

/** Every mail in the local outbox addressed to `to`, oldest first. */
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
 * The newest mail to `to` whose subject contains `subject`, waiting up to 5 s for it (mail is sent after the
 * response); fails the test when none arrives. `after` skips mails that were already there.
 */
export async function lastMail(outboxDir: string, to: string, subject: string, after = 0): Promise<Mail> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const mails = (await mailsTo(outboxDir, to)).filter((m) => m.subject.includes(subject));
    if (mails.length > after) return mails.at(-1) as Mail;
    if (Date.now() > deadline) throw new Error(`no "${subject}" mail to ${to} in ${outboxDir}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
