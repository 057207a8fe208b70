import { BCRYPT_COSTS, bcryptProblem, claimsBcrypt } from "@textbook/migrations/bcrypt-hash";
import { toTargetProfile } from "./map-profile.js";
import type { Outcome, SourceUser, TargetAccount, TargetUser, Warning } from "./types.js";

// Providers Supabase records as identities that are not separate logins here: the e-mail password is the
// credential account, and this platform has no phone sign-in.
const NOT_OAUTH = new Set(["email", "phone"]);
// When a user has no created_at at all, a fixed instant keeps reruns stable (now() would change every run).
const UNKNOWN_TIME = "1970-01-01 00:00:00+00";

/**
 * Decides what one Supabase user becomes: skipped with a reason, or the Better Auth rows it migrates to.
 * `conflictLosers` maps the id of a user who lost an e-mail conflict to the id that won it.
 */
export function classifyUser(source: SourceUser, conflictLosers: ReadonlyMap<string, string>): Outcome {
  if (source.deletedAt !== null) return { kind: "skipped", skipped: { id: source.id, reason: "deleted" } };
  if (source.isAnonymous) return { kind: "skipped", skipped: { id: source.id, reason: "anonymous" } };
  if (!hasEmail(source)) {
    return { kind: "skipped", skipped: { id: source.id, reason: source.phone ? "phone_only" : "no_email" } };
  }
  const winner = conflictLosers.get(source.id);
  if (winner !== undefined) {
    return { kind: "skipped", skipped: { id: source.id, reason: "email_conflict", conflictsWith: winner } };
  }
  const user = toTargetUser(source);
  const { profile, warnings } = toTargetProfile(source, user.name);
  warnings.push(...passwordWarnings(source));
  return { kind: "migrated", rows: { user, accounts: toTargetAccounts(source, user), profile, warnings } };
}

/** True when the user has an e-mail this platform can sign in with. */
export function hasEmail(source: Pick<SourceUser, "email">): source is { email: string } {
  return typeof source.email === "string" && /\S/.test(source.email);
}

/**
 * A warning for a bcrypt hash the auth-server will not verify (malformed, or a cost outside 4–12). The hash is
 * kept as it is; the warning names the problem, never the hash.
 */
function passwordWarnings(source: SourceUser): Warning[] {
  if (!claimsBcrypt(source.encryptedPassword)) return [];
  const problem = bcryptProblem(source.encryptedPassword);
  if (problem === undefined) return [];
  const what =
    problem.kind === "malformed"
      ? "malformed bcrypt hash"
      : `bcrypt cost ${problem.cost}, outside ${BCRYPT_COSTS.min}–${BCRYPT_COSTS.max}`;
  return [
    {
      id: source.id,
      field: "encrypted_password",
      value: `${what}: sign-in refuses it until the user resets the password`,
    },
  ];
}

function toTargetUser(source: SourceUser): TargetUser {
  const email = (source.email ?? "").toLowerCase();
  const createdAt = source.createdAt ?? source.updatedAt ?? UNKNOWN_TIME;
  return {
    id: source.id,
    name: metadataText(source, "full_name") ?? metadataText(source, "name") ?? localPart(email),
    email,
    emailVerified: source.emailConfirmedAt !== null,
    image: metadataText(source, "avatar_url") ?? metadataText(source, "picture") ?? null,
    createdAt,
    updatedAt: source.updatedAt ?? createdAt,
    role: "user",
    banned: source.activeBanUntil !== null,
    banReason: null,
    banExpires: source.activeBanUntil,
  };
}

function toTargetAccounts(source: SourceUser, user: TargetUser): TargetAccount[] {
  const accounts: TargetAccount[] = [];
  // Older Supabase versions did not write an `email` identity, so the password alone decides: a password that claims
  // bcrypt (migrations/src/bcrypt-hash.ts) is moved as it is, usable or not; '' or NULL means none (OAuth, magic
  // link, invite).
  if (claimsBcrypt(source.encryptedPassword)) {
    accounts.push({
      providerId: "credential",
      accountId: source.id,
      userId: source.id,
      password: source.encryptedPassword,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
    });
  }
  for (const identity of source.identities) {
    if (NOT_OAUTH.has(identity.provider)) continue;
    const createdAt = identity.createdAt ?? user.createdAt;
    accounts.push({
      providerId: identity.provider,
      accountId: identity.providerId,
      userId: source.id,
      password: null,
      createdAt,
      updatedAt: identity.updatedAt ?? createdAt,
    });
  }
  return accounts;
}

function metadataText(source: SourceUser, key: string): string | undefined {
  const value = source.userMetadata?.[key];
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function localPart(email: string): string {
  const at = email.lastIndexOf("@");
  return at > 0 ? email.slice(0, at) : email;
}
