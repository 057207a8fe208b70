import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";

/** How recent a sign-in must be to delete an account that has no password. */
export const DELETION_FRESH_SECONDS = 10 * 60;

/**
 * Before `/delete-user`: an account with a password is deleted only with that password (Better Auth then checks
 * it), one without (social sign-in only) only within 10 minutes of signing in. Better Auth alone accepts any
 * session younger than its `freshAge`, one day by default, and lowering `freshAge` would also cut the session
 * list off after 10 minutes.
 */
export const requireRecentProofForDeletion = createAuthMiddleware(async (ctx) => {
  const session = await getSessionFromCtx(ctx);
  if (!session) return;
  const password = (ctx.body as { password?: unknown } | undefined)?.password;
  if (typeof password === "string" && password !== "") return;
  const credential = await ctx.context.internalAdapter.findCredentialAccount(session.user.id);
  if (credential?.password) {
    throw APIError.from("BAD_REQUEST", {
      code: "USER_ALREADY_HAS_PASSWORD",
      message: "User already has a password. Provide that to delete the account.",
    });
  }
  const age = Date.now() - new Date(session.session.createdAt).getTime();
  if (age >= DELETION_FRESH_SECONDS * 1000) {
    throw APIError.from("BAD_REQUEST", {
      code: "SESSION_EXPIRED",
      message: "Session expired. Re-authenticate to perform this action.",
    });
  }
});
