import { claimsBcrypt } from "@textbook/migrations/bcrypt-hash";
import type { Failure, UserChange } from "./plan-changes.js";
import type { Reconciliation } from "./reconcile.js";
import type { Outcome, ReportFacts, SkipFacts, Skipped, SourceUser, Warning } from "./types.js";

/** The JSON report (`--report FILE`); its minimum content is fixed by docs/architecture.md. */
export interface Report {
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  /** Counts of the source by category. */
  source: Record<string, number>;
  /** Users that are (or, in a dry run, would be) in the target after this run. */
  migrated: number;
  /** `deletedOnTarget`: imported earlier, deleted here since (by the user): left deleted, never re-created. */
  changes: { created: number; updated: number; unchanged: number; deletedOnTarget: number };
  /**
   * Users whose Supabase rows hash to the digest stored at their import: counted as unchanged from their stored
   * facts without being re-read (their target rows are still checked); 0 with --full-compare.
   */
  unchangedByDigest: number;
  skipped: Skipped[];
  failed: Failure[];
  warnings: Warning[];
  /** Accounts by provider; OAuth providers must be configured in the auth-server for those logins to work. */
  accounts: Record<string, number>;
  reconciliation: Reconciliation | null;
}

const STATUS_COUNT = {
  create: "created",
  update: "updated",
  unchanged: "unchanged",
  gone: "deletedOnTarget",
} as const;

/** The source counts one user adds to the report. */
function sourceCounts(user: SourceUser, outcome: Outcome): string[] {
  const keys = ["users"];
  if (user.hasMfa) keys.push("withMfa");
  if (claimsBcrypt(user.encryptedPassword)) keys.push("withPassword");
  if (user.invitedAt !== null && user.emailConfirmedAt === null) keys.push("invitedNotAccepted");
  if (user.profile) keys.push("profiles");
  for (const identity of user.identities) keys.push(`identities.${identity.provider}`);
  keys.push(outcome.kind === "skipped" ? `skipped.${outcome.skipped.reason}` : "eligible");
  return keys;
}

/** The report facts of a migrated user, to store with its import. */
export function reportFacts(user: SourceUser, outcome: Extract<Outcome, { kind: "migrated" }>): ReportFacts {
  return {
    sourceCounts: sourceCounts(user, outcome),
    accountProviders: outcome.rows.accounts.map((account) => account.providerId),
    warnings: outcome.rows.warnings,
  };
}

/** The report facts of a skipped user, to store with its skip record. */
export function skipFacts(user: SourceUser, outcome: Extract<Outcome, { kind: "skipped" }>): SkipFacts {
  const { reason, conflictsWith } = outcome.skipped;
  return {
    sourceCounts: sourceCounts(user, outcome),
    reason,
    ...(conflictsWith === undefined ? {} : { conflictsWith }),
  };
}

/** One distinct report-facts document and the number of users that share it. */
export type FactsGroup = [ReportFacts, number];

/**
 * Stored report facts (JSON text), each distinct document parsed once, with the number of users that share it (most
 * do: only warnings name a user).
 */
export function parseFacts(texts: string[]): FactsGroup[] {
  const distinct = new Map<string, number>();
  for (const text of texts) distinct.set(text, (distinct.get(text) ?? 0) + 1);
  return [...distinct].map(([text, n]) => [JSON.parse(text) as ReportFacts, n]);
}

/** Collects the report while batches stream past; only skipped users, failures and warnings are kept as lists. */
export class ReportBuilder {
  private readonly startedAt = new Date().toISOString();
  readonly source: Record<string, number> = { users: 0 };
  readonly changes = { created: 0, updated: 0, unchanged: 0, deletedOnTarget: 0 };
  readonly skipped: Skipped[] = [];
  readonly failed: Failure[] = [];
  readonly warnings: Warning[] = [];
  readonly accounts: Record<string, number> = {};
  private unchangedByDigest = 0;

  constructor(private readonly dryRun: boolean) {}

  /** Counts one source user and its outcome. */
  addOutcome(user: SourceUser, outcome: Outcome): void {
    for (const key of sourceCounts(user, outcome)) this.bump(this.source, key);
    if (outcome.kind === "skipped") {
      this.skipped.push(outcome.skipped);
      return;
    }
    this.warnings.push(...outcome.rows.warnings);
  }

  /**
   * Counts the users of a batch whose source rows have not changed since their import, from the report facts stored
   * with each (parseFacts): the same figures a full comparison would add, without re-reading their rows.
   */
  addUnchanged(facts: FactsGroup[]): void {
    for (const [parsed, n] of facts) {
      for (const key of parsed.sourceCounts) this.bump(this.source, key, n);
      for (const provider of parsed.accountProviders) this.bump(this.accounts, provider, n);
      for (let i = 0; i < n; i++) this.warnings.push(...parsed.warnings);
      this.changes.unchanged += n;
      this.unchangedByDigest += n;
    }
  }

  /**
   * Counts skipped users whose source rows have not changed since they were skipped, from the facts stored with
   * each skip record (`facts`: JSON text): the same figures reading them again would add.
   */
  addSkippedUnchanged(users: { id: string; facts: string }[]): void {
    for (const { id, facts } of users) {
      const parsed = JSON.parse(facts) as SkipFacts;
      for (const key of parsed.sourceCounts) this.bump(this.source, key);
      this.skipped.push(
        parsed.conflictsWith === undefined
          ? { id, reason: parsed.reason }
          : { id, reason: parsed.reason, conflictsWith: parsed.conflictsWith },
      );
    }
  }

  /** Counts the planned (or written) changes of a batch and the accounts of its migrated users. */
  addChanges(changes: UserChange[]): void {
    for (const change of changes) {
      this.changes[STATUS_COUNT[change.status]]++;
      if (change.status === "gone") continue;
      for (const account of change.rows.accounts) this.bump(this.accounts, account.providerId);
    }
  }

  addFailures(failures: Failure[]): void {
    this.failed.push(...failures);
  }

  build(reconciliation: Reconciliation | null): Report {
    return {
      dryRun: this.dryRun,
      startedAt: this.startedAt,
      finishedAt: new Date().toISOString(),
      source: this.source,
      migrated: this.changes.created + this.changes.updated + this.changes.unchanged,
      changes: this.changes,
      unchangedByDigest: this.unchangedByDigest,
      // In id order: batches finish in any order, and skipped users come from two paths (read, or by digest).
      skipped: this.skipped.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      failed: this.failed,
      warnings: this.warnings,
      accounts: this.accounts,
      reconciliation,
    };
  }

  private bump(counts: Record<string, number>, key: string, n = 1): void {
    counts[key] = (counts[key] ?? 0) + n;
  }
}
