import type { Report } from "./report.js";

/** The person-readable end of a run, for stdout. */
export function formatSummary(report: Report): string {
  const lines: string[] = [];
  const skippedBy = Object.entries(report.source)
    .filter(([key]) => key.startsWith("skipped."))
    .map(([key, count]) => `${count} ${key.slice("skipped.".length).replaceAll("_", " ")}`);
  lines.push(
    `Source: ${report.source.users ?? 0} users, ${report.source.eligible ?? 0} to migrate, ${report.skipped.length} skipped${skippedBy.length ? ` (${skippedBy.join(", ")})` : ""}.`,
  );
  const { created, updated, unchanged, deletedOnTarget } = report.changes;
  lines.push(
    report.dryRun
      ? `Dry run: would create ${created} and update ${updated} users; ${unchanged} are up to date. Nothing was written.`
      : `Target: ${created} users created, ${updated} updated, ${unchanged} already up to date.`,
  );
  if (deletedOnTarget > 0) {
    lines.push(`Users who deleted their account here since their import, left deleted: ${deletedOnTarget}.`);
  }
  if (report.failed.length > 0) {
    lines.push(
      `Users that ${report.dryRun ? "would fail" : "failed"}: ${report.failed.length} (--report FILE lists them all): ${report.failed
        .slice(0, 5)
        .map((f) => `${f.id} ${f.reason}`)
        .join("; ")}${report.failed.length > 5 ? "; …" : ""}`,
    );
  }
  const accounts = Object.entries(report.accounts).sort(([, a], [, b]) => b - a);
  if (accounts.length > 0) {
    lines.push(`Accounts: ${accounts.map(([provider, count]) => `${provider} ${count}`).join(", ")}.`);
    const oauth = accounts.map(([provider]) => provider).filter((provider) => provider !== "credential");
    if (oauth.length > 0) {
      lines.push(
        `Linked logins kept for: ${oauth.join(", ")}. Configure these providers in the auth-server so those users can sign in with them.`,
      );
    }
  }
  if (report.source.withMfa) {
    lines.push(`Users who had MFA in Supabase: ${report.source.withMfa} (MFA factors are not moved).`);
  }
  if (report.warnings.length > 0) {
    lines.push(
      `Warnings: ${report.warnings.length} (e.g. values the platform does not know, set to NULL); --report FILE or --verbose lists them.`,
    );
  }
  const reconciliation = report.reconciliation;
  if (reconciliation) {
    const figures = reconciliation.figures
      .filter((figure) => figure.name !== "fingerprint")
      .map((figure) => `${figure.name} ${figure.source}/${figure.target}`)
      .join(", ");
    lines.push(
      reconciliation.ok
        ? `Reconciled: source and target agree (${figures}; fingerprint ${reconciliation.figures.at(-1)?.target}).`
        : `RECONCILIATION FAILED: ${reconciliation.mismatchCount} mismatches (${figures}), e.g. ${reconciliation.mismatches
            .slice(0, 3)
            .map((m) => `${m.id} ${m.part} ${m.problem}`)
            .join("; ")}. --report FILE lists up to 100.`,
    );
    if (reconciliation.changedOnTarget > 0) {
      lines.push(
        `Rows changed on the target after their import, left as they are: ${reconciliation.changedOnTarget}.`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
