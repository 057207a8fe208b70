import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { MailSender } from "./mail-sender.js";
import { createOutboxMailSender } from "./outbox-mail-sender.js";
import { createSmtpMailSender } from "./smtp-mail-sender.js";

/** SMTP when SMTP_URL is set, else the local outbox in OUTBOX_DIR. */
export function createMailSender(config: Config, logger: Logger): MailSender {
  if (config.smtpUrl) return createSmtpMailSender(config.smtpUrl, config.mailFrom);
  return createOutboxMailSender(config.outboxDir, config.mailFrom, logger);
}
