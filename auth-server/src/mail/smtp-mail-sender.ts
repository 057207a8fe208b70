import nodemailer from "nodemailer";
import type { MailSender } from "./mail-sender.js";

/** Sends through the SMTP server in `smtpUrl` (smtp:// or smtps://, credentials in the URL). */
export function createSmtpMailSender(smtpUrl: string, from: string): MailSender {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    async close() {
      transport.close();
    },
  };
}
