import { isBcryptHash } from "./classify-user.js";
import type { Failure, UserChange } from "./plan-changes.js";
import type { Reconciliation } from "./reconcile.js";
import type { Outcome, Skipped, SourceUser, Warning } from "./types.js";

/** The JSON report (`--report FILE`); its minimum content is fixed by shared/ARCHITECTURE.md. */
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

/** Collects the report while batches stream past; only skipped users, failures and warnings are kept as lists. */
export class ReportBuilder {
  private readonly startedAt = new Date().toISOString();
  readonly source: Record<string, number> = { users: 0 };
  readonly changes = { created: 0, updated: 0, unchanged: 0, deletedOnTarget: 0 };
  readonly skipped: Skipped[] = [];
  readonly failed: Failure[] = [];
  readonly warnings: Warning[] = [];
  readonly accounts: Record<string, number> = {};

  constructor(private readonly dryRun: boolean) {}

  /** Counts one source user and its outcome. */
  addOutcome(user: SourceUser, outcome: Outcome): void {
    this.bump(this.source, "users");
    if (user.hasMfa) this.bump(this.source, "withMfa");
    if (isBcryptHash(user.encryptedPassword)) this.bump(this.source, "withPassword");
    if (user.invitedAt !== null && user.emailConfirmedAt === null)
      this.bump(this.source, "invitedNotAccepted");
    if (user.profile) this.bump(this.source, "profiles");
    for (const identity of user.identities) this.bump(this.source, `identities.${identity.provider}`);
    if (outcome.kind === "skipped") {
      this.bump(this.source, `skipped.${outcome.skipped.reason}`);
      this.skipped.push(outcome.skipped);
      return;
    }
    this.bump(this.source, "eligible");
    this.warnings.push(...outcome.rows.warnings);
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

  /** True when this run changed (or, in a dry run, would change) the target. */
  get changesTarget(): boolean {
    return this.changes.created + this.changes.updated > 0;
  }

  build(reconciliation: Reconciliation | null): Report {
    return {
      dryRun: this.dryRun,
      startedAt: this.startedAt,
      finishedAt: new Date().toISOString(),
      source: this.source,
      migrated: this.changes.created + this.changes.updated + this.changes.unchanged,
      changes: this.changes,
      skipped: this.skipped,
      failed: this.failed,
      warnings: this.warnings,
      accounts: this.accounts,
      reconciliation,
    };
  }

  private bump(counts: Record<string, number>, key: string): void {
    counts[key] = (counts[key] ?? 0) + 1;
  }
}
