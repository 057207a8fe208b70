import type { BetterAuthPlugin } from "better-auth";
import { requireRecentProofForDeletion } from "./account-deletion.js";
import { endBannedUserSession, refuseTokenToBannedUser } from "./banned-users.js";
import { USER_FIELD_PATHS, validateUserFields } from "./user-fields.js";

/**
 * This platform's rules around Better Auth's endpoints (issue 15): user fields, bans and account deletion. A
 * plugin so each hook has its own matcher; listed before the JWT plugin, whose `get-session` hook must see a
 * banned user's session already gone.
 */
export function guardsPlugin() {
  return {
    id: "textbook-guards",
    hooks: {
      before: [
        { matcher: (ctx) => USER_FIELD_PATHS.has(ctx.path ?? ""), handler: validateUserFields },
        { matcher: (ctx) => ctx.path === "/token", handler: refuseTokenToBannedUser },
        { matcher: (ctx) => ctx.path === "/delete-user", handler: requireRecentProofForDeletion },
      ],
      after: [{ matcher: (ctx) => ctx.path === "/get-session", handler: endBannedUserSession }],
    },
  } satisfies BetterAuthPlugin;
}
