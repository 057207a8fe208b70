import { writeFile } from "node:fs/promises";
import { redactDatabaseUrl } from "@textbook/migrations/database";
import pLimit, { type LimitFunction } from "p-limit";
import pMap from "p-map";
import { escapeLiteral } from "pg";
import { applyPlan, FIND_TARGET_CONFLICTS } from "./apply-plan.js";
import type { MigrationConfig } from "./config.js";
import { EXIT, MigrationError } from "./errors.js";
import { findEmailConflicts } from "./find-email-conflicts.js";
import type { SourceShape } from "./inspect-source.js";
import { inspectSource } from "./inspect-source.js";
import { countRecords, inspectTarget, type TargetShape } from "./inspect-target.js";
import { mapAndPlan } from "./map-users.js";
import { BATCHES_IN_FLIGHT, type Databases, FULL_READS_IN_FLIGHT, openDatabases } from "./open-databases.js";
import { Progress, type ProgressStream } from "./progress.js";
import { readSourceDigests, readSourcePages } from "./read-source-batches.js";
import { type BatchState, readTargetState, type SourcePage } from "./read-target-state.js";
import { type PlannedSide, Reconciler } from "./reconcile.js";
import {
  type BatchSummary,
  batchSummary,
  type FactsGroup,
  parseFacts,
  type Report,
  ReportBuilder,
} from "./report.js";
import { stageSourceUsers, withBatchTransaction } from "./staging.js";
import { formatSummary } from "./summary.js";
import type { ReportFacts } from "./types.js";

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
  target: TargetShape;
  /** No earlier run left a record here: every user is read, without asking the target how it stands. */
  firstRun: boolean;
  conflicts: ReadonlyMap<string, string>;
  report: ReportBuilder;
  reconciler: Reconciler | null;
  /** Admits FULL_READS_IN_FLIGHT batches at a time to reading users in full (open-databases.ts). */
  fullReads: LimitFunction;
}

/**
 * Runs the whole migration (or dry run) and returns the exit code; see USAGE in config.ts. One run:
 *
 *   inspect     the source's shape (inspect-source.ts), the target's (inspect-target.ts), the users who lose an
 *               e-mail conflict (find-email-conflicts.ts); print the plan and ask (unless --yes or --dry-run)
 *   for each page of auth.users ids (readSourcePages, read-source-batches.ts), BATCHES_IN_FLIGHT pages at once:
 *     digests   Supabase hashes each user's rows (readSourceDigests; only when earlier runs left records)
 *     sort      the target sorts the page's users (read-target-state.ts): verified (unchanged on both sides,
 *               summed in SQL), trusted (unchanged in Supabase), skipped as before, or to read
 *     then, in one target transaction (FULL_READS_IN_FLIGHT batches at once when they read users):
 *     stage     COPY the users to read from one Supabase snapshot into staging tables (staging.ts)
 *     map+plan  every mapping rule, as SQL over the staged rows, and the plan against earlier runs (map-users.ts)
 *     write     INSERT … SELECT from the plan; if a row fails, redo it one savepoint per user (apply-plan.ts)
 *     reconcile the target judges its live rows against the fingerprints and keeps target digests true
 *               (reconcile.ts, target-digest.ts)
 *     report    the target sums the batch's outcomes, changes, failures and warnings (report.ts); counted once
 *               the transaction has committed
 *   then the summary on stdout (summary.ts), the JSON report (--report), the exit code (exitCode below).
 */
export async function runMigration(
  config: MigrationConfig,
  io: RunIo,
): Promise<{ code: number; report: Report | null }> {
  const db = await openDatabases(config);
  try {
    const shape = await inspectSource(db.source);
    const target = await inspectTarget(db.target, config.targetVariable);
    const [total, records, conflicts] = await Promise.all([
      db.source
        .query<{ count: string }>("SELECT count(*) FROM auth.users")
        .then((r) => Number(r.rows[0]?.count)),
      countRecords(db.target),
      findEmailConflicts(db.source, shape),
    ]);
    io.stdout.write(
      `Plan: read ${total} Supabase users from ${redactDatabaseUrl(config.sourceUrl)} (read only)\n` +
        `      ${config.dryRun ? "compare them with" : "write them to"} ${redactDatabaseUrl(config.targetUrl)} ` +
        `(${records.imported} imported by earlier runs), ${config.batchSize} users per transaction.\n` +
        `      ${conflicts.size === 1 ? "1 user loses" : `${conflicts.size} users lose`} an e-mail conflict (same e-mail in another case) and will be skipped.\n`,
    );
    if (!config.dryRun && !config.yes) await confirmOrStop(io);
    const state: RunState = {
      config,
      db,
      io,
      shape,
      target,
      firstRun: records.imported === 0 && records.skipped === 0,
      conflicts,
      report: new ReportBuilder(config.dryRun),
      reconciler: config.dryRun ? null : new Reconciler(),
      fullReads: pLimit(FULL_READS_IN_FLIGHT),
    };
    const progress = new Progress(io.stderr, total, config.dryRun ? "checking" : "migrating");
    // Digests only matter where earlier runs stored some to compare with.
    const withDigests = !state.firstRun && !config.fullCompare;
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
  const sorted: BatchState = state.firstRun
    ? { toRead: ids, trusted: { ids: [], facts: [] }, verified: [], skipped: [] }
    : await readTargetState(db.target, { first, last }, page, {
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
  const rest = () => finishBatch(state, { first, last, n: page.n, sorted, conflictLosers });
  await (sorted.toRead.length > 0 ? state.fullReads(rest) : rest());
  state.reconciler?.addVerified(verified);
}

/**
 * The rest of a batch, in one target transaction (read only in a dry run): the users to read are
 * copied from Supabase into the staging tables (staging.ts), mapped and planned there (map-users.ts), written
 * (apply-plan.ts) and reconciled with the trusted users (reconcile.ts); the target sends back the batch's part of
 * the report (batchSummary, report.ts), counted once the transaction has committed.
 */
async function finishBatch(
  state: RunState,
  batch: {
    first: string;
    last: string;
    n: number;
    sorted: BatchState;
    conflictLosers: { loser: string; winner: string }[];
  },
): Promise<void> {
  const { config, db, report, reconciler } = state;
  const { first, last, n, sorted, conflictLosers } = batch;
  const { toRead, trusted } = sorted;
  // A dry run does not judge trusted users (it has no reconciliation), so a batch with no one to read is done.
  if (toRead.length === 0 && (reconciler === null || trusted.ids.length === 0)) return;
  const { summary, rows } = await withBatchTransaction(
    db.target,
    { dryRun: config.dryRun },
    async (client) => {
      let summary: BatchSummary | null = null;
      if (toRead.length > 0) {
        if (conflictLosers.length > 0) {
          await client.query("INSERT INTO staged_conflict SELECT * FROM unnest($1::uuid[], $2::uuid[])", [
            conflictLosers.map(({ loser }) => loser),
            conflictLosers.map(({ winner }) => winner),
          ]);
        }
        await stageSourceUsers(
          db.source,
          client,
          state.shape,
          toRead.length === n ? { first, last } : { first, last, ids: toRead },
        );
        const results = (await client.query(
          mapAndPlan({ first, last }, state.target.emailCollation, { recordSkips: !config.dryRun }),
        )) as unknown as {
          rows: { planned: number; not_new: number }[];
        }[];
        const plan = results.at(-1)?.rows[0] ?? { planned: 0, not_new: 0 };
        if (config.dryRun) await client.query(FIND_TARGET_CONFLICTS);
        else if (plan.planned > 0) await applyPlan(client, plan.not_new === 0);
      }
      const rows = reconciler
        ? await reconciler.judgeBatchAndStoreDigests(client, { first, last }, trusted.ids)
        : [];
      if (toRead.length > 0) {
        const result = await client.query<{ summary: BatchSummary }>(
          batchSummary(`${escapeLiteral(first)}::uuid`, `${escapeLiteral(last)}::uuid`),
        );
        summary = result.rows[0]?.summary ?? null;
      }
      return { summary, rows };
    },
  );
  if (summary) {
    report.addBatch(summary);
    if (config.verbose) {
      const log = (line: string) => state.io.stderr.write(`${line}\n`);
      for (const { id, reason } of summary.skipped) log(`skipped ${id}: ${reason}`);
      for (const w of summary.warnings) log(`warning ${w.id}: ${w.field} was "${w.value}"`);
      for (const failure of summary.failures)
        log(`failed ${failure.id}: ${failure.reason} (${failure.message})`);
    }
  }
  reconciler?.record({ planned: summary?.planned ?? NO_ONE_PLANNED, rows });
}

const NO_ONE_PLANNED: PlannedSide = { users: 0, profiles: 0, accounts: {}, xor: "0".repeat(128) };

function exitCode(report: Report): number {
  if (report.failed.length > 0) return EXIT.failed;
  if (report.dryRun) return report.changes.created + report.changes.updated > 0 ? EXIT.changesFound : EXIT.ok;
  return report.reconciliation?.ok ? EXIT.ok : EXIT.failed;
}
