/** One e-mail to one person. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The link the mail is about (verification, reset); a secret: it carries the token. */
  link: string;
}

/** Sends mail: SMTP in production, a folder on a laptop. */
export interface MailSender {
  send(mail: Mail): Promise<void>;
  close(): Promise<void>;
}
