/** One e-mail to one person. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The link the mail is about (verification, reset), logged by the local outbox so a developer can follow it. */
  link: string;
}

/** Sends mail: SMTP in production, a folder on a laptop. */
export interface MailSender {
  send(mail: Mail): Promise<void>;
  close(): Promise<void>;
}
