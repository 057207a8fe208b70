import { createHash } from "node:crypto";
import type { TargetAccount, TargetProfile, TargetUser } from "./types.js";

/** Per-user fingerprints of what was written, stored in `supabase_import.fingerprints`. */
export interface Fingerprints {
  /** The `"user"` row. */
  u: string;
  /** Each account, by accountKey(). */
  a: Record<string, string>;
  /** The profile, when there is one. */
  p?: string;
}

function hash(fields: unknown[]): string {
  return createHash("sha1").update(JSON.stringify(fields)).digest("base64url");
}

/** A stable key for an account: (providerId, accountId) is unique in the target. */
export function accountKey(account: Pick<TargetAccount, "providerId" | "accountId">): string {
  return JSON.stringify([account.providerId, account.accountId]);
}

/** Fingerprint of the fields of a user that the migration sets. */
export function userFingerprint(u: TargetUser): string {
  return hash([
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

/** Fingerprint of an account, its password hash included. */
export function accountFingerprint(a: TargetAccount): string {
  return hash([a.providerId, a.accountId, a.userId, a.password, a.createdAt, a.updatedAt]);
}

/** Fingerprint of every profile field, text and arrays exactly as they are. */
export function profileFingerprint(p: TargetProfile): string {
  return hash([
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

/** The fingerprints of all the rows one user migrates to. */
export function fingerprintsOf(rows: {
  user: TargetUser;
  accounts: TargetAccount[];
  profile: TargetProfile | null;
}): Fingerprints {
  const a: Record<string, string> = {};
  for (const account of rows.accounts) a[accountKey(account)] = accountFingerprint(account);
  return rows.profile
    ? { u: userFingerprint(rows.user), a, p: profileFingerprint(rows.profile) }
    : { u: userFingerprint(rows.user), a };
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
