import { isBcryptHash } from "./classify-user.js";
import {
  accountFingerprint,
  accountKey,
  digestOf,
  type Fingerprints,
  fingerprintsOf,
  profileFingerprint,
  SetFingerprint,
  userFingerprint,
} from "./fingerprint.js";
import type { Found, TargetRows } from "./read-target-rows.js";
import type { MigratedUser } from "./types.js";

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

  /** Adds one batch: the users as migrated from the source and their rows read back from the target. */
  add(users: MigratedUser[], found: TargetRows): void {
    for (const expected of users) {
      const id = expected.user.id;
      const want = fingerprintsOf(expected);
      this.sourceSet.add(digestOf(want));
      const got: Fingerprints = { u: "missing", a: {} };
      const user = found.users.get(id);
      this.count("users", user !== undefined);
      if (user) got.u = this.judge(id, "user", want.u, userFingerprint(user.row), user);
      const accounts = new Map((found.accounts.get(id) ?? []).map((a) => [accountKey(a.row), a]));
      for (const account of expected.accounts) {
        const key = accountKey(account);
        const actual = accounts.get(key);
        this.count(`accounts.${account.providerId}`, actual !== undefined);
        if (!actual) {
          this.mismatch(id, `account ${account.providerId}`, "missing in the target");
          continue;
        }
        // Better Auth replaces a bcrypt hash with scrypt at the first sign-in: the same password, upgraded.
        const upgraded = isBcryptHash(account.password) && !isBcryptHash(actual.row.password);
        got.a[key] = this.judge(
          id,
          `account ${account.providerId}`,
          want.a[key] ?? "",
          accountFingerprint(actual.row),
          {
            ...actual,
            changedAfterImport: actual.changedAfterImport || upgraded,
          },
        );
      }
      if (expected.profile) {
        const profile = found.profiles.get(id);
        this.count("profiles", profile !== undefined);
        if (profile)
          got.p = this.judge(id, "profile", want.p ?? "", profileFingerprint(profile.row), profile);
        else this.mismatch(id, "profile", "missing in the target");
      }
      if (!user) this.mismatch(id, "user", "missing in the target");
      this.targetSet.add(digestOf(got));
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

  private judge(id: string, part: string, want: string, got: string, found: Found<unknown>): string {
    if (want === got) return got;
    if (found.changedAfterImport) {
      this.changedOnTarget++;
      return want;
    }
    this.mismatch(id, part, "differs from the source");
    return got;
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
