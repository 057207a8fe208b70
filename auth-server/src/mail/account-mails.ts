import type { Mail } from "./mail-sender.js";

const SIGNATURE =
  "\n\nPhysical AI & Humanoid Robotics\nIf you did not ask for this, you can ignore this e-mail.";

/** The mail that confirms an address after sign-up. */
export function verificationMail(to: string, link: string): Mail {
  const text = `Confirm your e-mail address for the Physical AI & Humanoid Robotics textbook:\n\n${link}${SIGNATURE}`;
  return { to, subject: "Confirm your e-mail address", text, link };
}

/** The mail with a link to choose a new password. */
export function passwordResetMail(to: string, link: string): Mail {
  const text = `Choose a new password for your textbook account (the link works once, for one hour):\n\n${link}${SIGNATURE}`;
  return { to, subject: "Reset your password", text, link };
}
