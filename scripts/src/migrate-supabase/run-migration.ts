import { writeFile } from "node:fs/promises";
import { redactDatabaseUrl } from "@textbook/migrations/database";
import pLimit, { type LimitFunction } from "p-limit";
import pMap from "p-map";
import type { MigrationConfig } from "./config.js";
import { EXIT, MigrationError } from "./errors.js";
import { findEmailConflicts } from "./find-email-conflicts.js";
import type { SourceShape } from "./inspect-source.js";
import { inspectSource } from "./inspect-source.js";
import { countImported, inspectTarget } from "./inspect-target.js";
import { mapBatch } from "./map-batch.js";
import { BATCHES_IN_FLIGHT, type Databases, FULL_READS_IN_FLIGHT, openDatabases } from "./open-databases.js";
import { planChanges } from "./plan-changes.js";
import { Progress, type ProgressStream } from "./progress.js";
import { readSourceDigests, readSourcePages, readSourceUsers } from "./read-source-batches.js";
import { type BatchState, readTargetState, type SourcePage } from "./read-target-state.js";
import { Reconciler } from "./reconcile.js";
import { recordSkips } from "./record-skips.js";
import { type FactsGroup, parseFacts, type Report, ReportBuilder } from "./report.js";
import { formatSummary } from "./summary.js";
import type { ReportFacts } from "./types.js";
import { writeChanges } from "./write-changes.js";

export interface RunIo {
  stdout: { write(text: string): boolean };
  stderr: ProgressStream;
  /** Asks a yes/no question; null when there is no one to ask (stdin is not a terminal). */
  confirm: ((question: string) => Promise<boolean>) | null;
}

interface RunState {
  config: MigrationConfig;
  db: Databases;
  io: RunIo;
  shape: SourceShape;
  conflicts: ReadonlyMap<string, string>;
  report: ReportBuilder;
  reconciler: Reconciler | null;
  /** Admits FULL_READS_IN_FLIGHT batches at a time to reading users in full (open-databases.ts). */
  fullReads: LimitFunction;
}

/**
 * Runs the whole migration (or dry run) and returns the exit code; see USAGE in config.ts. One run:
 *
 *   inspect     the source's shape (inspect-source.ts), the target's schema (inspect-target.ts), the users who lose
 *               an e-mail conflict (find-email-conflicts.ts); print the plan and ask (unless --yes or --dry-run)
 *   for each page of auth.users ids (readSourcePages, read-source-batches.ts), BATCHES_IN_FLIGHT pages at once:
 *     digests   Supabase hashes each user's rows (readSourceDigests; only when earlier runs stored digests)
 *     sort      the target sorts the page's users (read-target-state.ts): verified (unchanged on both sides,
 *               summed in SQL), trusted (unchanged in Supabase), skipped as before (record-skips.ts), or to read
 *     read      the users to read, in full, in one snapshot (readSourceUsers), FULL_READS_IN_FLIGHT at once
 *     map       each into skipped-with-a-reason or its rows (map-batch.ts: classify-user.ts, map-profile.ts)
 *     plan      compare with the fingerprints earlier runs stored (plan-changes.ts)
 *     write     one transaction per batch (write-changes.ts); if a row fails, redo it one savepoint per user
 *     reconcile in that transaction, before it commits, the target judges its live rows against the fingerprints
 *               and keeps target digests true (reconcile.ts, target-digest.ts); counted once it has committed
 *     report    outcomes, changes, failures and warnings added up (report.ts)
 *   then the summary on stdout (summary.ts), the JSON report (--report), the exit code (exitCode below).
 */
export async function runMigration(
  config: MigrationConfig,
  io: RunIo,
): Promise<{ code: number; report: Report | null }> {
  const db = await openDatabases(config);
  try {
    const shape = await inspectSource(db.source);
    await inspectTarget(db.target, config.targetVariable);
    const [total, imported, conflicts] = await Promise.all([
      db.source
        .query<{ count: string }>("SELECT count(*) FROM auth.users")
        .then((r) => Number(r.rows[0]?.count)),
      countImported(db.target),
      findEmailConflicts(db.source, shape),
    ]);
    io.stdout.write(
      `Plan: read ${total} Supabase users from ${redactDatabaseUrl(config.sourceUrl)} (read only)\n` +
        `      ${config.dryRun ? "compare them with" : "write them to"} ${redactDatabaseUrl(config.targetUrl)} ` +
        `(${imported} imported by earlier runs), ${config.batchSize} users per transaction.\n` +
        `      ${conflicts.size === 1 ? "1 user loses" : `${conflicts.size} users lose`} an e-mail conflict (same e-mail in another case) and will be skipped.\n`,
    );
    if (!config.dryRun && !config.yes) await confirmOrStop(io);
    const state: RunState = {
      config,
      db,
      io,
      shape,
      conflicts,
      report: new ReportBuilder(config.dryRun),
      reconciler: config.dryRun ? null : new Reconciler(),
      fullReads: pLimit(FULL_READS_IN_FLIGHT),
    };
    const progress = new Progress(io.stderr, total, config.dryRun ? "checking" : "migrating");
    // Digests only matter where earlier runs stored some to compare with.
    const withDigests = imported > 0 && !config.fullCompare;
    // Up to BATCHES_IN_FLIGHT batches are digested, planned and written at once; p-map asks the page reader for the
    // next page only when one of them is done, so memory holds that many pages whatever the number of users. Their
    // id ranges are disjoint and each commits (or not) on its own, so a kill still leaves only whole batches.
    await pMap(
      readSourcePages(db.source, config.batchSize),
      async (batch) => {
        await processBatch(state, batch, withDigests);
        progress.advance(batch.length);
      },
      { concurrency: BATCHES_IN_FLIGHT },
    );
    progress.finish();
    const report = state.report.build(state.reconciler?.result() ?? null);
    if (config.reportFile) await writeFile(config.reportFile, `${JSON.stringify(report, null, 2)}\n`);
    io.stdout.write(formatSummary(report));
    return { code: exitCode(report), report };
  } finally {
    await db.close();
  }
}

async function confirmOrStop(io: RunIo): Promise<void> {
  if (!io.confirm) {
    throw new MigrationError(
      "Standard input is not a terminal, so there is no one to confirm: run with --dry-run first, then with --yes.",
    );
  }
  if (!(await io.confirm("Write to the target database now? [y/N] "))) {
    throw new MigrationError("Stopped before writing anything.");
  }
}

/**
 * One batch: the users whose source digest matches the one stored with their import are unchanged and are not read
 * (unless --full-compare); the others are read in full, mapped, compared with what earlier runs wrote, and written.
 * Then the target checks every user of the batch against its live rows (reconcile.ts), in the transaction that
 * wrote them: by one hash for an unchanged user whose live rows hash to the stored target digest (the target sums
 * those in SQL: readTargetState), part by part for the others.
 */
async function processBatch(state: RunState, ids: string[], withDigests: boolean): Promise<void> {
  const { config, db, report } = state;
  const first = ids[0] ?? "";
  const last = ids.at(-1) ?? "";
  const page: SourcePage = withDigests
    ? await readSourceDigests(db.source, state.shape, { first, last })
    : { n: ids.length, ids: `{${ids.join(",")}}`, digests: null };
  const conflictLosers: { loser: string; winner: string }[] = [];
  for (const [loser, winner] of state.conflicts) {
    if (loser >= first && loser <= last) conflictLosers.push({ loser, winner });
  }
  const sorted = await readTargetState(db.target, { first, last }, page, {
    fullCompare: config.fullCompare,
    conflictLosers,
  });
  // Each distinct facts document is parsed once (the target sends each verified one once): the report counts every
  // unchanged user, the reconciliation the verified ones.
  const verified = sorted.verified.map(({ facts, n, xor }) => ({
    facts: JSON.parse(facts) as ReportFacts,
    n,
    xor,
  }));
  report.addUnchanged([
    ...parseFacts(sorted.trusted.facts),
    ...verified.map(({ facts, n }): FactsGroup => [facts, n]),
  ]);
  report.addSkippedUnchanged(sorted.skipped);
  if (config.verbose) {
    for (const { id } of sorted.skipped)
      state.io.stderr.write(`skipped ${id}: as before (source unchanged)\n`);
  }
  const rest = () => finishBatch(state, { first, last, n: page.n, sorted });
  await (sorted.toRead.length > 0 ? state.fullReads(rest) : rest());
  state.reconciler?.addVerified(verified);
}

/**
 * The rest of a batch: reads the users that are not unchanged in full, maps, plans and writes them, and
 * reconciles them with the trusted users in the write's transaction.
 */
async function finishBatch(
  state: RunState,
  batch: { first: string; last: string; n: number; sorted: BatchState },
): Promise<void> {
  const { config, db, report } = state;
  const { first, last, n, sorted } = batch;
  const { toRead, trusted, records: before } = sorted;
  const users =
    toRead.length === 0
      ? []
      : await readSourceUsers(
          db.source,
          state.shape,
          toRead.length === n ? { first, last } : { first, last, ids: toRead },
        );
  const log = config.verbose ? (line: string) => state.io.stderr.write(`${line}\n`) : null;
  const { migrated, skips } = mapBatch(users, state.conflicts, report, log);
  const skippedIds = skips.map((skip) => skip.user_id);
  const plan = await planChanges(db.target, migrated, skippedIds, before, { lookUpConflicts: config.dryRun });
  for (const id of plan.importedBefore) {
    report.warnings.push({
      id,
      field: "user",
      value: "skipped now, migrated by an earlier run: left in the target",
    });
  }
  const { reconciler } = state;
  // The target fingerprints its own rows after this batch's writes, before they commit, and sends back only the
  // totals, which are counted once the batch has committed. A dry run has no reconciler and writes nothing.
  // (A batch of verified users only has nothing to write or check: no transaction at all.)
  const written =
    reconciler && (plan.changes.length > 0 || trusted.ids.length > 0)
      ? await writeChanges(db.target, plan.changes, (client, failed) =>
          reconciler.judgeBatchAndStoreDigests(
            client,
            plan.changes.filter((change) => !failed.has(change.rows.user.id)),
            trusted.ids,
          ),
        )
      : null;
  const failures = [...plan.failures, ...(written?.failures ?? [])];
  report.addFailures(failures);
  const failed = new Set(failures.map((failure) => failure.id));
  report.addChanges(plan.changes.filter((change) => !failed.has(change.rows.user.id)));
  if (config.verbose) {
    for (const failure of failures)
      state.io.stderr.write(`failed ${failure.id}: ${failure.reason} (${failure.message})\n`);
  }
  if (written) reconciler?.record(written.verified);
  // After the batch's own transaction: a skip record only spares a later run a read, so one lost to a kill here
  // costs that run one read, nothing more.
  if (!config.dryRun) await recordSkips(db.target, skips);
}

function exitCode(report: Report): number {
  if (report.failed.length > 0) return EXIT.failed;
  if (report.dryRun) return report.changes.created + report.changes.updated > 0 ? EXIT.changesFound : EXIT.ok;
  return report.reconciliation?.ok ? EXIT.ok : EXIT.failed;
}
