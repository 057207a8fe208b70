import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { deleteSessionCookie } from "better-auth/cookies";

interface BannableUser {
  id: string;
  banned?: boolean | null;
  banExpires?: Date | string | null;
}

/** True while a ban holds: `banned` set and no `banExpires` in the past (a temporary ban lifts by itself). */
export function isBanned(user: BannableUser | null | undefined): boolean {
  if (!user?.banned) return false;
  return !user.banExpires || new Date(user.banExpires).getTime() > Date.now();
}

type AuthContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/**
 * The user as the database has it now. Without Redis the session lookup has just read the user row (a join), so
 * it is current; with Redis the session carries a copy from sign-in, which misses a ban written since.
 */
async function currentUser(ctx: AuthContext, user: BannableUser): Promise<BannableUser | null> {
  if (!ctx.context.options.secondaryStorage) return user;
  return ctx.context.internalAdapter.findUserById(user.id) as Promise<BannableUser | null>;
}

/** Ends every session of a banned user, as Better Auth's admin ban does, and clears this browser's cookie. */
async function endSessions(ctx: AuthContext, userId: string): Promise<void> {
  await ctx.context.internalAdapter.deleteUserSessions(userId);
  deleteSessionCookie(ctx);
}

const bannedError = () =>
  APIError.from("FORBIDDEN", {
    code: "BANNED_USER",
    message:
      "You have been banned from this application. Please contact support if you believe this is an error.",
  });

/**
 * Before `/token`: no JWT for a banned user. The admin plugin refuses new sessions to banned users and its ban
 * endpoint deletes their sessions, but a ban written straight into the database (as the Supabase migration does)
 * leaves existing sessions working; this closes that gap whatever set the ban.
 */
export const refuseTokenToBannedUser = createAuthMiddleware(async (ctx) => {
  const session = await getSessionFromCtx(ctx);
  if (!session) return;
  if (!isBanned(await currentUser(ctx, session.user))) return;
  await endSessions(ctx, session.user.id);
  throw bannedError();
});

/**
 * After `/get-session` (and before the JWT plugin adds `set-auth-jwt`): a banned user's session is ended and the
 * answer is "no session", as for a signed-out browser, so it is neither refreshed nor turned into a JWT.
 */
export const endBannedUserSession = createAuthMiddleware(async (ctx) => {
  const session = ctx.context.session;
  if (!session) return;
  if (!isBanned(await currentUser(ctx, session.user))) return;
  await endSessions(ctx, session.user.id);
  ctx.context.session = null;
  return ctx.json(null);
});
