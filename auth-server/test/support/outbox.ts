import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Mail } from "../../src/mail/mail-sender.js";

/** Every mail in the local outbox addressed to `to`, oldest first. */
export async function mailsTo(outboxDir: string, to: string): Promise<Mail[]> {
  const names = await readdir(outboxDir).catch(() => [] as string[]);
  const mails = await Promise.all(
    names.sort().map(async (name) => JSON.parse(await readFile(join(outboxDir, name), "utf8")) as Mail),
  );
  return mails.filter((mail) => mail.to === to);
}

/** The newest mail to `to` whose subject contains `subject`; fails the test when there is none. */
export async function lastMail(outboxDir: string, to: string, subject: string): Promise<Mail> {
  const mail = (await mailsTo(outboxDir, to)).filter((m) => m.subject.includes(subject)).at(-1);
  if (!mail) throw new Error(`no "${subject}" mail to ${to} in ${outboxDir}`);
  return mail;
}
