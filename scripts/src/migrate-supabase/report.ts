import type { Failure } from "./apply-plan.js";
import type { PlannedSide, Reconciliation } from "./reconcile.js";
import type { ReportFacts, SkipFacts, Skipped, Warning } from "./types.js";

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

/**
 * What a batch's planned users add to the report, summed by the target from the staging tables (staging.ts), as
 * one JSON document: the source counts of every staged user (its report facts, map-users.ts), who is skipped and
 * why, the warnings, the users skipped now whom an earlier run migrated, the users that cannot be written, the plan's
 * statuses and accounts by provider (of the users written or unchanged), and the source's side of the
 * reconciliation. The batch's range bounds are SQL literals.
 */
export const batchSummary = (first: string, last: string) => `
SELECT jsonb_build_object(
  'sourceCounts', (SELECT coalesce(jsonb_object_agg(key, n), '{}')
                     FROM (SELECT key, sum(n) AS n
                             FROM (SELECT source_counts, count(*) AS n FROM mapped_user GROUP BY source_counts) g
                            CROSS JOIN LATERAL unnest(g.source_counts) AS key GROUP BY key) c),
  'skipped', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'reason', skip_reason)
                                        || CASE WHEN conflicts_with IS NULL THEN '{}'
                                                ELSE jsonb_build_object('conflictsWith', conflicts_with) END
                                        ORDER BY id), '[]')
                FROM mapped_user WHERE skip_reason IS NOT NULL),
  'warnings', (SELECT coalesce(jsonb_agg(w.warning ORDER BY m.id, w.n), '[]')
                 FROM mapped_user m CROSS JOIN LATERAL jsonb_array_elements(m.warnings) WITH ORDINALITY AS w(warning, n)
                WHERE m.skip_reason IS NULL AND m.warnings <> '[]'),
  'importedBefore', (SELECT coalesce(jsonb_agg(m.id ORDER BY m.id), '[]')
                       FROM mapped_user m
                      WHERE m.skip_reason IS NOT NULL
                        AND m.id IN (SELECT user_id FROM supabase_import WHERE user_id BETWEEN ${first} AND ${last})),
  'failures', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'reason', failure_reason,
                                                            'message', failure_message) ORDER BY id), '[]')
                 FROM planned_user WHERE failure_reason IS NOT NULL),
  'changes', (SELECT coalesce(jsonb_object_agg(status, n), '{}')
                FROM (SELECT status, count(*) AS n FROM planned_user WHERE failure_reason IS NULL GROUP BY status) c),
  'planned', (SELECT jsonb_build_object(
                       'users', count(*), 'profiles', count(*) FILTER (WHERE fingerprints ? 'profile'),
                       'xor', coalesce(bit_xor(('x' || fingerprint_xor)::bit(128)), 0::bit(128))::text,
                       'accounts', (SELECT coalesce(jsonb_object_agg(provider, n), '{}')
                                      FROM (SELECT a."providerId" AS provider, count(*) AS n
                                              FROM mapped_account a JOIN planned_user q ON q.id = a."userId"
                                             WHERE q.failure_reason IS NULL AND q.status <> 'gone'
                                             GROUP BY a."providerId") c))
                FROM planned_user WHERE failure_reason IS NULL AND status <> 'gone')
) AS summary`;

/** One batch's part of the report (batchSummary). */
export interface BatchSummary {
  sourceCounts: Record<string, number>;
  skipped: Skipped[];
  warnings: Warning[];
  importedBefore: string[];
  failures: Failure[];
  changes: Partial<Record<"create" | "update" | "unchanged" | "gone", number>>;
  planned: PlannedSide;
}

const STATUS_COUNT = {
  create: "created",
  update: "updated",
  unchanged: "unchanged",
  gone: "deletedOnTarget",
} as const;

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

  /** Counts one batch's staged users (batchSummary). */
  addBatch(summary: BatchSummary): void {
    for (const [key, n] of Object.entries(summary.sourceCounts)) this.bump(this.source, key, n);
    this.skipped.push(...summary.skipped);
    this.warnings.push(...summary.warnings);
    for (const id of summary.importedBefore) {
      this.warnings.push({
        id,
        field: "user",
        value: "skipped now, migrated by an earlier run: left in the target",
      });
    }
    this.failed.push(...summary.failures);
    for (const [status, n] of Object.entries(summary.changes)) {
      this.changes[STATUS_COUNT[status as keyof typeof STATUS_COUNT]] += n;
    }
    for (const [provider, n] of Object.entries(summary.planned.accounts))
      this.bump(this.accounts, provider, n);
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
