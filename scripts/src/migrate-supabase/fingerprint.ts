import { createHash } from "node:crypto";
import type { TargetAccount, TargetProfile, TargetUser } from "./types.js";

/**
 * Each part of a migrated user as one canonical string (a JSON array of its fields in a fixed order), and their
 * SHA-1 fingerprints. Rows read back from the target are compared by their canonical strings; only fingerprints
 * are stored (`supabase_import.fingerprints`), to tell on a rerun what changed in the source.
 */
export interface Parts<T> {
  /** The `"user"` row. */
  u: T;
  /** Each account, by accountKey(). */
  a: Record<string, T>;
  /** The profile, when there is one. */
  p?: T;
}

export type Canonical = Parts<string>;
export type Fingerprints = Parts<string>;

/** A stable key for an account: (providerId, accountId) is unique in the target. */
export function accountKey(account: Pick<TargetAccount, "providerId" | "accountId">): string {
  return JSON.stringify([account.providerId, account.accountId]);
}

/** The fields of a user that the migration sets. */
export function userCanonical(u: TargetUser): string {
  return JSON.stringify([
    u.id,
    u.name,
    u.email,
    u.emailVerified,
    u.image,
    u.createdAt,
    u.updatedAt,
    u.role,
    u.banned,
    u.banReason,
    u.banExpires,
  ]);
}

/** An account, its password hash included. */
export function accountCanonical(a: TargetAccount): string {
  return JSON.stringify([a.providerId, a.accountId, a.userId, a.password, a.createdAt, a.updatedAt]);
}

/** Every profile field, text and arrays exactly as they are. */
export function profileCanonical(p: TargetProfile): string {
  return JSON.stringify([
    p.user_id,
    p.display_name,
    p.avatar_url,
    p.software_background,
    p.hardware_background,
    p.programming_languages,
    p.robotics_experience,
    p.learning_goals,
    p.preferred_language,
    p.created_at,
    p.updated_at,
  ]);
}

/** The canonical strings of all the rows one user migrates to. */
export function canonicalOf(rows: {
  user: TargetUser;
  accounts: TargetAccount[];
  profile: TargetProfile | null;
}): Canonical {
  const a: Record<string, string> = {};
  for (const account of rows.accounts) a[accountKey(account)] = accountCanonical(account);
  const u = userCanonical(rows.user);
  return rows.profile ? { u, a, p: profileCanonical(rows.profile) } : { u, a };
}

/** SHA-1 of one canonical string, base64url. */
export function fingerprint(canonical: string): string {
  return createHash("sha1").update(canonical).digest("base64url");
}

/** The fingerprints of a user's parts. */
export function fingerprintsOf(canonical: Canonical): Fingerprints {
  const a: Record<string, string> = {};
  for (const [key, value] of Object.entries(canonical.a)) a[key] = fingerprint(value);
  const u = fingerprint(canonical.u);
  return canonical.p === undefined ? { u, a } : { u, a, p: fingerprint(canonical.p) };
}

/** One digest of a user's fingerprints, independent of the order accounts were listed in. */
export function digestOf(fingerprints: Fingerprints): Buffer {
  const accounts = Object.entries(fingerprints.a).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  return createHash("sha1")
    .update(JSON.stringify([fingerprints.u, accounts, fingerprints.p ?? null]))
    .digest();
}

/** An order-independent fingerprint of a set of users: the XOR of their digests. */
export class SetFingerprint {
  private readonly value = Buffer.alloc(20);

  add(digest: Buffer): void {
    for (let i = 0; i < this.value.length; i++) this.value[i] = (this.value[i] ?? 0) ^ (digest[i] ?? 0);
  }

  toString(): string {
    return this.value.toString("hex");
  }
}
