import { isBcryptHash } from "./classify-user.js";
import {
  accountCanonical,
  accountKey,
  digestOf,
  type Fingerprints,
  fingerprint,
  profileCanonical,
  SetFingerprint,
  userCanonical,
} from "./fingerprint.js";
import type { UserChange } from "./plan-changes.js";
import type { Found, TargetRows } from "./read-target-rows.js";

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

  /** Adds one batch: each user as migrated from the source, and its rows as found in the target. */
  add(changes: UserChange[], found: TargetRows): void {
    for (const { rows: expected, canonical: want, fingerprints } of changes) {
      const id = expected.user.id;
      const digest = digestOf(fingerprints);
      this.sourceSet.add(digest);
      // Each part that differs (with no later change on the target to explain it) gets its own fingerprint, so
      // the target's set fingerprint differs from the source's exactly when some row does.
      const got: Fingerprints = { ...fingerprints, a: { ...fingerprints.a } };
      let same = true;
      const user = found.users.get(id);
      this.count("users", user !== undefined);
      if (!user) {
        this.mismatch(id, "user", "missing in the target");
        got.u = "missing";
        same = false;
      } else if (!this.agrees(id, "user", want.u, userCanonical(user.row), user)) {
        got.u = fingerprint(userCanonical(user.row));
        same = false;
      }
      const accounts = new Map((found.accounts.get(id) ?? []).map((a) => [accountKey(a.row), a]));
      for (const account of expected.accounts) {
        const key = accountKey(account);
        const actual = accounts.get(key);
        this.count(`accounts.${account.providerId}`, actual !== undefined);
        if (!actual) {
          this.mismatch(id, `account ${account.providerId}`, "missing in the target");
          got.a[key] = "missing";
          same = false;
          continue;
        }
        // Better Auth replaces a bcrypt hash with scrypt at the first sign-in: the same password, upgraded.
        const upgraded = isBcryptHash(account.password) && !isBcryptHash(actual.row.password);
        const judged = { ...actual, changedAfterImport: actual.changedAfterImport || upgraded };
        if (
          !this.agrees(
            id,
            `account ${account.providerId}`,
            want.a[key] ?? "",
            accountCanonical(actual.row),
            judged,
          )
        ) {
          got.a[key] = fingerprint(accountCanonical(actual.row));
          same = false;
        }
      }
      if (expected.profile) {
        const profile = found.profiles.get(id);
        this.count("profiles", profile !== undefined);
        if (!profile) {
          this.mismatch(id, "profile", "missing in the target");
          got.p = "missing";
          same = false;
        } else if (!this.agrees(id, "profile", want.p ?? "", profileCanonical(profile.row), profile)) {
          got.p = fingerprint(profileCanonical(profile.row));
          same = false;
        }
      }
      this.targetSet.add(same ? digest : digestOf(got));
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

  /** True when the target row equals the source's, or was changed on the target after its import. */
  private agrees(id: string, part: string, want: string, got: string, found: Found<unknown>): boolean {
    if (want === got) return true;
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
