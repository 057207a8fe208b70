import { createHash } from "node:crypto";
import type { TargetAccount, TargetProfile, TargetUser } from "./types.js";

/**
 * Each part of a migrated user as one canonical string, and its MD5 (hex) fingerprint. The canonical form is
 * exactly PostgreSQL's `jsonb_build_array(…)::text` of the same columns (timestamps as text, in UTC), so the
 * target computes the same fingerprints in SQL (read-target-state.ts) and rows never travel back to be compared.
 * MD5 detects change here; it guards against nothing adversarial, and nothing here needs it to.
 */
export interface Parts<T> {
  /** The `"user"` row. */
  u: T;
  /** Each account, by accountKey(). */
  a: Record<string, T>;
  /** The profile, when there is one. */
  p?: T;
}

export type Fingerprints = Parts<string>;

type Value = string | boolean | null | Value[];

/** PostgreSQL's jsonb text form: JSON with ", " between array items, strings escaped as JSON.stringify does. */
export function canonicalJson(value: Value): string {
  return Array.isArray(value) ? `[${value.map(canonicalJson).join(", ")}]` : JSON.stringify(value);
}

function md5(text: string): string {
  return createHash("md5").update(text).digest("hex");
}

/** A stable key for an account: (providerId, accountId) is unique in the target. */
export function accountKey(account: Pick<TargetAccount, "providerId" | "accountId">): string {
  return canonicalJson([account.providerId, account.accountId]);
}

/**
 * Fingerprint of the columns of a user that come from Supabase (the SQL twin is in read-target-state.ts); `role`
 * is not one of them: it is only a default for new users.
 */
export function userFingerprint(u: TargetUser): string {
  return md5(
    canonicalJson([
      u.id,
      u.name,
      u.email,
      u.emailVerified,
      u.image,
      u.createdAt,
      u.updatedAt,
      u.banned,
      u.banReason,
      u.banExpires,
    ]),
  );
}

/** Fingerprint of an account, its password hash included. */
export function accountFingerprint(a: TargetAccount): string {
  return md5(canonicalJson([a.providerId, a.accountId, a.userId, a.password, a.createdAt, a.updatedAt]));
}

/** Fingerprint of every profile field, text and lists exactly as they are. */
export function profileFingerprint(p: TargetProfile): string {
  return md5(
    canonicalJson([
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
    ]),
  );
}

/** The fingerprints of all the rows one user migrates to. */
export function fingerprintsOf(rows: {
  user: TargetUser;
  accounts: TargetAccount[];
  profile: TargetProfile | null;
}): Fingerprints {
  const a: Record<string, string> = {};
  for (const account of rows.accounts) a[accountKey(account)] = accountFingerprint(account);
  const u = userFingerprint(rows.user);
  return rows.profile ? { u, a, p: profileFingerprint(rows.profile) } : { u, a };
}

/** One digest of a user's fingerprints, independent of the order accounts were listed in. */
export function digestOf(fingerprints: Fingerprints): Buffer {
  const accounts = Object.entries(fingerprints.a).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  return createHash("md5")
    .update(JSON.stringify([fingerprints.u, accounts, fingerprints.p ?? null]))
    .digest();
}

/** An order-independent fingerprint of a set of users: the XOR of their digests. */
export class SetFingerprint {
  private readonly value = Buffer.alloc(16);

  add(digest: Buffer): void {
    for (let i = 0; i < this.value.length; i++) this.value[i] = (this.value[i] ?? 0) ^ (digest[i] ?? 0);
  }

  toString(): string {
    return this.value.toString("hex");
  }
}
