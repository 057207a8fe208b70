import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertVariedBulkUsers } from "../fixtures/supabase-fixture.js";
import { createDatabasePair, type DatabasePair, migrateInProcess, rows } from "./harness.js";

// Two of each of the thousand kinds of user of the benchmark's varied fixture (insertVariedBulkUsers).
const USERS = 2000;

describe("a project as varied as a real one (the benchmark's fixture)", () => {
  let pair: DatabasePair;
  beforeAll(async () => {
    pair = await createDatabasePair();
    await insertVariedBulkUsers(pair.source.url, USERS);
  });
  afterAll(() => pair?.drop());

  it("migrates every kind of user in small batches, reports each outcome, and reconciles", async () => {
    const run = await migrateInProcess(pair.env, ["--batch-size", "150"]);
    expect(run.code, run.stdout).toBe(0);
    const report = run.report;
    const skipped = (reason: string) => report?.skipped.filter((s) => s.reason === reason).length;
    expect(skipped("deleted")).toBe(40);
    expect(skipped("anonymous")).toBe(20);
    expect(skipped("phone_only")).toBe(20);
    // The invited user (never confirmed) loses to the confirmed one with the same e-mail in another case.
    expect(skipped("email_conflict")).toBe(20);
    expect(report?.migrated).toBe(USERS - 100);
    expect(report?.failed).toEqual([]);
    expect(report?.warnings.filter((w) => w.field === "encrypted_password")).toHaveLength(20);
    expect(report?.warnings.some((w) => w.field === "software_background" && w.value === "expert")).toBe(
      true,
    );
    expect(report?.accounts).toMatchObject({ google: 280, github: 200, "sso:acme": 20 });
    expect(report?.reconciliation?.ok).toBe(true);
    const [banned] = await rows<{ n: number }>(
      pair.target.url,
      `SELECT count(*)::int AS n FROM "user" WHERE banned`,
    );
    expect(banned?.n).toBe(20);
  });

  it("changes nothing on a rerun, and reads no one again: digests for the migrated, skip records for the skipped", async () => {
    const run = await migrateInProcess(pair.env, ["--verbose"]);
    expect(run.code, run.stdout).toBe(0);
    expect(run.report?.changes).toEqual({
      created: 0,
      updated: 0,
      unchanged: USERS - 100,
      deletedOnTarget: 0,
    });
    expect(run.report?.unchangedByDigest).toBe(USERS - 100);
    // Every migrated user's live rows hash as imported: none is compared part by part.
    expect(run.report?.reconciliation?.checkedByTargetDigest).toBe(USERS - 100);
    expect(run.report?.reconciliation?.ok).toBe(true);
    expect(run.report?.skipped).toHaveLength(100);
    expect(run.stderr.match(/: as before \(source unchanged\)/g)).toHaveLength(100);
  });
});
