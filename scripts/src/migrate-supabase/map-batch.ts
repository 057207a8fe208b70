import { classifyUser } from "./classify-user.js";
import type { SkipRecord } from "./record-skips.js";
import { type ReportBuilder, reportFacts, skipFacts } from "./report.js";
import type { ImportedUser, SourceUser } from "./types.js";

/**
 * The "map" step of a batch (run-migration.ts): classifies each user read in full (classify-user.ts) into the rows
 * it migrates to, with its import record's digest and report facts, or a skip record; counts each outcome in the
 * report. `conflicts` maps the id of each user who loses an e-mail conflict to the winner's; `log`, with --verbose,
 * gets a line per warning and skipped user.
 */
export function mapBatch(
  users: SourceUser[],
  conflicts: ReadonlyMap<string, string>,
  report: ReportBuilder,
  log: ((line: string) => void) | null,
): { migrated: ImportedUser[]; skips: SkipRecord[] } {
  const migrated: ImportedUser[] = [];
  const skips: SkipRecord[] = [];
  for (const user of users) {
    const outcome = classifyUser(user, conflicts);
    report.addOutcome(user, outcome);
    if (outcome.kind === "migrated") {
      migrated.push({ ...outcome.rows, digest: user.digest, facts: reportFacts(user, outcome) });
      for (const w of outcome.rows.warnings) log?.(`warning ${w.id}: ${w.field} was "${w.value}"`);
    } else {
      skips.push({ user_id: user.id, source_digest: user.digest, report_facts: skipFacts(user, outcome) });
      log?.(`skipped ${user.id}: ${outcome.skipped.reason}`);
    }
  }
  return { migrated, skips };
}
