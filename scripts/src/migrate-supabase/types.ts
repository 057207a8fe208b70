/**
 * The shapes the migration moves between: a Supabase user as read from the source, and the rows it becomes in
 * the target. Timestamps stay the text PostgreSQL sends (in a UTC session), so no precision is lost on the way and
 * a source row and its target copy compare equal as strings.
 */

export interface SourceIdentity {
  provider: string;
  /** The provider's subject (or the user id for `email`/`phone`). */
  providerId: string;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface SourceProfile {
  full_name: string | null;
  avatar_url: string | null;
  software_background: string | null;
  hardware_background: string | null;
  programming_languages: (string | null)[] | null;
  robotics_experience: string | null;
  learning_goals: string | null;
  preferred_language: string | null;
  created_at: string | null;
  updated_at: string | null;
}

export interface SourceUser {
  id: string;
  /** MD5 of every source value below, computed by the Supabase server (read-source-batches.ts). */
  digest: string;
  email: string | null;
  encryptedPassword: string | null;
  emailConfirmedAt: string | null;
  invitedAt: string | null;
  phone: string | null;
  userMetadata: Record<string, unknown> | null;
  /** `banned_until` when it is still in the future (decided by the source server's clock), else null. */
  activeBanUntil: string | null;
  deletedAt: string | null;
  isAnonymous: boolean;
  lastSignInAt: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  hasMfa: boolean;
  profile: SourceProfile | null;
  identities: SourceIdentity[];
}

/** A Better Auth `"user"` row as this migration writes it. */
export interface TargetUser {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  image: string | null;
  createdAt: string;
  updatedAt: string;
  role: string;
  banned: boolean;
  banReason: string | null;
  banExpires: string | null;
}

/** A Better Auth `"account"` row, keyed by (`providerId`, `accountId`). */
export interface TargetAccount {
  providerId: string;
  accountId: string;
  userId: string;
  password: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A `profile` row (migrations/0002_create_profile_table.sql), without its version counter. */
export interface TargetProfile {
  user_id: string;
  display_name: string;
  avatar_url: string | null;
  software_background: string | null;
  hardware_background: string | null;
  programming_languages: (string | null)[];
  robotics_experience: string | null;
  learning_goals: string | null;
  preferred_language: string;
  created_at: string;
  updated_at: string;
}

export type SkipReason = "deleted" | "anonymous" | "phone_only" | "no_email" | "email_conflict";

export interface Skipped {
  id: string;
  reason: SkipReason;
  /** For an e-mail conflict: the id of the user that was migrated with that e-mail. */
  conflictsWith?: string;
}

export interface Warning {
  id: string;
  field: string;
  value: string;
}

/** Everything one source user becomes in the target. */
export interface MigratedUser {
  user: TargetUser;
  accounts: TargetAccount[];
  profile: TargetProfile | null;
  warnings: Warning[];
}

/**
 * What one migrated user adds to the report, stored with its import (`supabase_import.report_facts`): the source
 * counts it bumps, the provider of each of its accounts, and its warnings.
 */
export interface ReportFacts {
  /** The keys of the report's `source` counts it adds one to. */
  sourceCounts: string[];
  /** The provider of each of its accounts. */
  accountProviders: string[];
  warnings: Warning[];
}

/**
 * What one skipped user adds to the report, stored with its skip record (`supabase_skip.report_facts`), so a rerun
 * counts it without reading it again while its source rows are unchanged.
 */
export interface SkipFacts {
  /** The keys of the report's `source` counts it adds one to. */
  sourceCounts: string[];
  reason: SkipReason;
  conflictsWith?: string;
}

/** A migrated user with what its import record keeps besides the fingerprints. */
export interface ImportedUser extends MigratedUser {
  /** The source digest of the rows it was mapped from. */
  digest: string;
  facts: ReportFacts;
}

export type Outcome = { kind: "migrated"; rows: MigratedUser } | { kind: "skipped"; skipped: Skipped };
