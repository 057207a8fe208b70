import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import type { MailSender } from "./mail-sender.js";

/**
 * Writes each mail as one JSON file in `directory`, so that a developer can verify an e-mail or reset a password
 * without a mail server. File names sort by time. The log names the file, never the link: the link's token
 * verifies an address or resets a password for whoever reads it.
 */
export function createOutboxMailSender(directory: string, from: string, logger: Logger): MailSender {
  return {
    async send(mail) {
      await mkdir(directory, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(3).toString("hex")}.json`;
      const file = join(directory, name);
      const sentAt = new Date().toISOString();
      // Written next to the folder and renamed in, so a reader polling the folder never sees half a mail.
      const partial = `${directory}.partial-${name}`;
      await writeFile(partial, `${JSON.stringify({ from, ...mail, sentAt }, null, 2)}\n`, { mode: 0o600 });
      await rename(partial, file);
      logger.info({ to: mail.to, subject: mail.subject, file }, "mail written to the local outbox");
    },
    async close() {},
  };
}
