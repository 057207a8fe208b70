import { isBcryptHash } from "./classify-user.js";
import { accountKey, type Fingerprints, SetFingerprint } from "./fingerprint.js";
import type { UserChange } from "./plan-changes.js";
import type { FoundPart, TargetUserState } from "./read-target-state.js";

export interface Figure {
  name: string;
  source: number | string;
  target: number | string;
  ok: boolean;
}

export interface Reconciliation {
  ok: boolean;
  figures: Figure[];
  /** Rows that differ from the source with no later change on the target to explain it (first 100). */
  mismatches: { id: string; part: string; problem: string }[];
  mismatchCount: number;
  /** Rows changed on the target after they were imported (a password upgraded at sign-in, an edited profile). */
  changedOnTarget: number;
}

const LIST_LIMIT = 100;
// A part the target lacks adds nothing to its set fingerprint (XOR with zero).
const MISSING = "0".repeat(32);

/**
 * Compares what each migrated user should be with what the target holds, batch by batch, so it needs no memory
 * per user: counts by category and an order-independent fingerprint over ids, e-mails, password hashes and every
 * profile field. A part the target changed after the import (its updatedAt is later) is not a mismatch.
 */
export class Reconciler {
  private readonly counts = new Map<string, { source: number; target: number }>();
  private readonly sourceSet = new SetFingerprint();
  private readonly targetSet = new SetFingerprint();
  private readonly mismatches: Reconciliation["mismatches"] = [];
  private mismatchCount = 0;
  private changedOnTarget = 0;

  /** Adds one batch: each user as migrated from the source, and what the target holds for it now. */
  add(changes: UserChange[], state: ReadonlyMap<string, TargetUserState>): void {
    for (const change of changes) {
      // A user who deleted their account here is reported as such (report.changes.deletedOnTarget), not compared.
      if (change.status === "gone") continue;
      const { rows: expected, fingerprints: want } = change;
      const id = expected.user.id;
      this.sourceSet.addAll(want);
      const found = state.get(id);
      const stored = found?.stored;
      // A part that differs (with no later change on the target to explain it) keeps the target's fingerprint,
      // so the target's set fingerprint differs from the source's exactly when some row does.
      const got: Fingerprints = { u: want.u, a: { ...want.a }, ...(want.p ? { p: want.p } : {}) };
      const user = found?.user ?? null;
      if (
        !this.judge({
          id,
          figure: "users",
          part: "user",
          want: want.u,
          found: user,
          stored: stored?.u,
          written: change.writeUser,
        })
      ) {
        got.u = user?.fingerprint ?? MISSING;
      }
      for (const account of expected.accounts) {
        const key = accountKey(account);
        const actual = found?.accounts[key];
        // Better Auth replaces a bcrypt hash with scrypt at the first sign-in: the same password, upgraded.
        const upgraded = actual !== undefined && isBcryptHash(account.password) && !actual.bcrypt;
        const judged = actual
          ? { ...actual, changedAfterImport: actual.changedAfterImport || upgraded }
          : null;
        const written = change.upsertAccounts.includes(account);
        const figure = `accounts.${account.providerId}`;
        const part = `account ${account.providerId}`;
        if (
          !this.judge({
            id,
            figure,
            part,
            want: want.a[key] ?? "",
            found: judged,
            stored: stored?.a[key],
            written,
          })
        ) {
          got.a[key] = actual?.fingerprint ?? MISSING;
        }
      }
      if (want.p !== undefined) {
        const profile = found?.profile ?? null;
        const written = change.profile === "upsert";
        if (
          !this.judge({
            id,
            figure: "profiles",
            part: "profile",
            want: want.p,
            found: profile,
            stored: stored?.p,
            written,
          })
        ) {
          got.p = profile?.fingerprint ?? MISSING;
        }
      }
      this.targetSet.addAll(got);
    }
  }

  /** The figures so far, each with its source and target value. */
  result(): Reconciliation {
    const figures: Figure[] = [...this.counts].map(([name, { source, target }]) => ({
      name,
      source,
      target,
      ok: source === target,
    }));
    const source = this.sourceSet.toString();
    const target = this.targetSet.toString();
    figures.push({ name: "fingerprint", source, target, ok: source === target });
    return {
      ok: figures.every((figure) => figure.ok) && this.mismatchCount === 0,
      figures,
      mismatches: this.mismatches,
      mismatchCount: this.mismatchCount,
      changedOnTarget: this.changedOnTarget,
    };
  }

  /**
   * Counts one part and tells whether the target agrees with the source: the same fingerprint, or a change its
   * owner made here after the import (updated later, or deleted when this run did not just write it). A part
   * deleted that way counts on neither side, so the counts compare what should be there.
   */
  private judge(check: {
    id: string;
    figure: string;
    part: string;
    want: string;
    found: FoundPart | null;
    stored: string | undefined;
    written: boolean;
  }): boolean {
    const { id, figure, part, want, found } = check;
    if (found === null && !check.written && check.stored === want) {
      this.changedOnTarget++;
      return true;
    }
    this.count(figure, found !== null);
    if (found === null) {
      this.mismatch(id, part, "missing in the target");
      return false;
    }
    if (found.fingerprint === want) return true;
    if (found.changedAfterImport) {
      this.changedOnTarget++;
      return true;
    }
    this.mismatch(id, part, "differs from the source");
    return false;
  }

  private count(name: string, present: boolean): void {
    const figure = this.counts.get(name) ?? { source: 0, target: 0 };
    figure.source++;
    if (present) figure.target++;
    this.counts.set(name, figure);
  }

  private mismatch(id: string, part: string, problem: string): void {
    this.mismatchCount++;
    if (this.mismatches.length < LIST_LIMIT) this.mismatches.push({ id, part, problem });
  }
}
