import { createAuthMiddleware } from "better-auth/api";
import { isUsableBcryptHash } from "./migrated-bcrypt.js";
import { hashPassword } from "./native-scrypt.js";

/**
 * After a successful e-mail sign-in, replaces a migrated bcrypt hash with the default scrypt hash, in the same
 * request, so the next sign-in no longer touches bcrypt and no bcrypt hash outlives its owner's next visit.
 */
export const rehashMigratedPassword = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/sign-in/email") return;
  const userId = ctx.context.newSession?.user.id;
  const password = (ctx.body as { password?: unknown } | undefined)?.password;
  if (!userId || typeof password !== "string") return;
  const accounts = await ctx.context.internalAdapter.findAccounts(userId);
  const credential = accounts.find((account) => account.providerId === "credential");
  if (!credential?.password || !isUsableBcryptHash(credential.password)) return;
  await ctx.context.internalAdapter.updateAccount(credential.id, { password: await hashPassword(password) });
  ctx.context.logger.info(`replaced the migrated bcrypt hash of user ${userId}`);
});
