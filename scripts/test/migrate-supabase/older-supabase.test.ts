import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVERY_KIND_OF_USER, ID } from "../fixtures/every-kind-of-user.js";
import { insertSupabaseUsers, withClient } from "../fixtures/supabase-fixture.js";
import { createDatabasePair, type DatabasePair, migrateInProcess, rows } from "./harness.js";

describe("a Supabase database from before 2023-11", () => {
  let pair: DatabasePair;

  beforeAll(async () => {
    pair = await createDatabasePair();
    const users = EVERY_KIND_OF_USER.filter((user) => !user.deletedAt && !user.isAnonymous);
    await insertSupabaseUsers(pair.source.url, users);
    // The older shape: identities keyed by the provider's subject in a text `id` column, no `provider_id`, and
    // auth.users without `deleted_at` (2022-11) and `is_anonymous` (2024-02).
    await withClient(pair.source.url, (client) =>
      client.query(`
        ALTER TABLE auth.identities DROP CONSTRAINT identities_pkey;
        ALTER TABLE auth.identities DROP COLUMN id;
        ALTER TABLE auth.identities RENAME COLUMN provider_id TO id;
        ALTER TABLE auth.users DROP COLUMN deleted_at, DROP COLUMN is_anonymous;`),
    );
  });
  afterAll(() => pair?.drop());

  it("is read all the same: identities, passwords and profiles arrive, and the run reconciles", async () => {
    const run = await migrateInProcess(pair.env);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.report?.reconciliation?.ok).toBe(true);
    expect(run.report?.accounts).toMatchObject({ credential: 6, github: 1, google: 1 });
    const accounts = await rows(
      pair.target.url,
      `SELECT "providerId", "accountId" FROM account WHERE "userId" = $1`,
      [ID.carolOauth],
    );
    expect(accounts).toContainEqual({ providerId: "github", accountId: "5811" });
    const [credential] = await rows<{ password: string }>(
      pair.target.url,
      `SELECT password FROM account WHERE "userId" = $1 AND "providerId" = 'credential'`,
      [ID.alice],
    );
    expect(credential?.password.startsWith("$2")).toBe(true);
  });
});
