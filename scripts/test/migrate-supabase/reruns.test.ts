import { migrate } from "@textbook/migrations/migrate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EVERY_KIND_OF_USER, ID } from "../fixtures/every-kind-of-user.js";
import { insertSupabaseUsers, withClient } from "../fixtures/supabase-fixture.js";
import { createDatabasePair, type DatabasePair, migrateInProcess, rows, targetContents } from "./harness.js";

describe("running the migration again", () => {
  let pair: DatabasePair;

  beforeEach(async () => {
    pair = await createDatabasePair();
    await insertSupabaseUsers(pair.source.url, EVERY_KIND_OF_USER);
    expect((await migrateInProcess(pair.env)).code).toBe(0);
  });
  afterEach(() => pair.drop());

  it("changes nothing when the source has not changed, and says so", async () => {
    const before = await targetContents(pair.target.url);
    const run = await migrateInProcess(pair.env);
    expect(run.code).toBe(0);
    expect(run.report?.changes).toEqual({ created: 0, updated: 0, unchanged: 10, deletedOnTarget: 0 });
    expect(run.stdout).toContain("0 users created, 0 updated, 10 already up to date");
    expect(await targetContents(pair.target.url)).toEqual(before);
  });

  it("reads import records written with one-letter keys once migrations/0010 has spelled them out", async () => {
    const before = await targetContents(pair.target.url);
    // The records as earlier versions of the command wrote them, on a target migrated up to 0009.
    await withClient(pair.target.url, (client) =>
      client.query(
        `UPDATE supabase_import
            SET fingerprints = jsonb_strip_nulls(jsonb_build_object('u', fingerprints -> 'user',
                  'a', fingerprints -> 'accounts', 'p', fingerprints -> 'profile')),
                report_facts = jsonb_build_object('s', report_facts -> 'sourceCounts',
                  'a', report_facts -> 'accountProviders', 'w', report_facts -> 'warnings');
         DROP TABLE supabase_skip;
         DELETE FROM schema_migrations WHERE version >= '0010'`,
      ),
    );
    expect(await targetContents(pair.target.url)).not.toEqual(before);
    await migrate({ connectionString: pair.target.url });
    expect(await targetContents(pair.target.url)).toEqual(before);
    const run = await migrateInProcess(pair.env);
    expect(run.code, run.stdout).toBe(0);
    expect(run.report?.changes).toEqual({ created: 0, updated: 0, unchanged: 10, deletedOnTarget: 0 });
    expect(run.report?.unchangedByDigest).toBe(10);
  });

  it("trusts the source digest of unchanged users on a rerun, and reports the same figures as a full comparison", async () => {
    const fast = await migrateInProcess(pair.env);
    const full = await migrateInProcess(pair.env, ["--full-compare"]);
    expect(fast.report?.unchangedByDigest).toBe(10);
    expect(full.report?.unchangedByDigest).toBe(0);
    for (const run of [fast, full]) expect(run.code, run.stdout).toBe(0);
    const figures = (run: typeof fast) => ({
      source: run.report?.source,
      migrated: run.report?.migrated,
      changes: run.report?.changes,
      skipped: run.report?.skipped,
      accounts: run.report?.accounts,
      warnings: [...(run.report?.warnings ?? [])].sort((a, b) => a.id.localeCompare(b.id)),
      reconciliation: { ...run.report?.reconciliation, checkedByTargetDigest: undefined },
    });
    expect(figures(fast)).toEqual(figures(full));
    // Every migrated user's live rows still hash as they did when the first run's reconciliation found them as
    // imported; --full-compare checks them part by part.
    expect(fast.report?.reconciliation?.checkedByTargetDigest).toBe(10);
    expect(full.report?.reconciliation?.checkedByTargetDigest).toBe(0);
    // The fixture has users of every kind: MFA, unknown enum values (warnings), skipped users, several providers.
    expect(fast.report?.warnings.length).toBeGreaterThan(0);
    expect(fast.report?.source.withMfa).toBe(1);
  });

  it("counts skipped users from their skip records without reading them, and reads one again once it changes", async () => {
    const skippedBefore = (await migrateInProcess(pair.env, ["--full-compare"])).report?.skipped;
    const run = await migrateInProcess(pair.env, ["--verbose"]);
    expect(run.code, run.stdout).toBe(0);
    expect(run.report?.skipped).toEqual(skippedBefore);
    for (const id of [ID.deletedGus, ID.anonymous, ID.phoneOnly, ID.hankLoser]) {
      expect(run.stderr).toContain(`skipped ${id}: as before (source unchanged)`);
    }
    // Gus's account is restored in Supabase, and Hank's winning twin is deleted there: both are read again. Gus is
    // moved; Hank's twin no longer loses a conflict, but the winner, left here, still has the e-mail.
    await withClient(pair.source.url, (client) =>
      client.query(
        "UPDATE auth.users SET deleted_at = CASE WHEN id = $1 THEN NULL ELSE now() END WHERE id IN ($1, $2)",
        [ID.deletedGus, ID.hankWinner],
      ),
    );
    const after = await migrateInProcess(pair.env, ["--verbose"]);
    expect(after.stderr).toContain(`skipped ${ID.hankWinner}: deleted`);
    expect(after.report?.skipped).not.toContainEqual(expect.objectContaining({ id: ID.deletedGus }));
    expect(after.report?.skipped).not.toContainEqual(expect.objectContaining({ id: ID.hankLoser }));
    expect(after.report?.failed).toEqual([
      expect.objectContaining({ id: ID.hankLoser, reason: "email_taken_in_target" }),
    ]);
    const [gus] = await rows<{ n: number }>(
      pair.target.url,
      `SELECT count(*)::int AS n FROM "user" WHERE id = $1`,
      [ID.deletedGus],
    );
    expect(gus?.n).toBe(1);
  });

  it("reads again a user whose source rows are unchanged but who now loses an e-mail conflict", async () => {
    // A new Supabase user with Ivy's e-mail in another case, confirmed and signed in since: the new user wins the
    // conflict, although nothing of Ivy's own rows changed (her digest is the same).
    const newcomer = "0a000000-0000-4000-8000-0000000000f1";
    await insertSupabaseUsers(pair.source.url, [
      {
        id: newcomer,
        email: "IVY@example.com",
        password: "newcomer",
        lastSignInAt: "2026-01-01 00:00:00+00",
      },
    ]);
    const before = await targetContents(pair.target.url);
    const run = await migrateInProcess(pair.env);
    expect(run.report?.skipped).toContainEqual({
      id: ID.mfaIvy,
      reason: "email_conflict",
      conflictsWith: newcomer,
    });
    expect(run.report?.warnings).toContainEqual({
      id: ID.mfaIvy,
      field: "user",
      value: "skipped now, migrated by an earlier run: left in the target",
    });
    // Ivy keeps the e-mail here, so the newcomer cannot take it: reported, and the run exits 1.
    expect(run.report?.failed).toEqual([
      expect.objectContaining({ id: newcomer, reason: "email_taken_in_target" }),
    ]);
    expect(run.code).toBe(1);
    expect(run.report?.unchangedByDigest).toBe(9);
    expect(await targetContents(pair.target.url)).toEqual(before);
  });

  it("reconciles when the target database's sessions default to another time zone", async () => {
    // Timestamps are fingerprinted as UTC text; the target must print its own in UTC too, whatever its default.
    const database = new URL(pair.target.url).pathname.slice(1);
    await withClient(pair.target.url, (client) =>
      client.query(`ALTER DATABASE "${database}" SET timezone = 'America/New_York'`),
    );
    for (const args of [[], ["--full-compare"]]) {
      const run = await migrateInProcess(pair.env, args);
      expect(run.code, run.stdout).toBe(0);
      expect(run.report?.reconciliation).toMatchObject({ ok: true, mismatchCount: 0 });
    }
  });

  it("compares in full, once, users imported before digests were stored, and stores theirs", async () => {
    await withClient(pair.target.url, (client) =>
      client.query("UPDATE supabase_import SET source_digest = NULL, report_facts = NULL"),
    );
    const upgrade = await migrateInProcess(pair.env);
    expect(upgrade.code, upgrade.stdout).toBe(0);
    expect(upgrade.report).toMatchObject({
      unchangedByDigest: 0,
      changes: { created: 0, updated: 0, unchanged: 10 },
    });
    const next = await migrateInProcess(pair.env);
    expect(next.report).toMatchObject({ unchangedByDigest: 10, changes: { unchanged: 10 } });
  });

  it("checks part by part, once, users imported before target digests were stored, and stores theirs", async () => {
    await withClient(pair.target.url, (client) =>
      client.query("UPDATE supabase_import SET target_digest = NULL, fingerprint_xor = NULL"),
    );
    const upgrade = await migrateInProcess(pair.env);
    expect(upgrade.code, upgrade.stdout).toBe(0);
    expect(upgrade.report).toMatchObject({
      unchangedByDigest: 10,
      reconciliation: { ok: true, checkedByTargetDigest: 0 },
    });
    const next = await migrateInProcess(pair.env);
    expect(next.report?.reconciliation).toMatchObject({ ok: true, checkedByTargetDigest: 10 });
    // The XORs stored with them add up to the fingerprint a full comparison computes from the rows.
    const full = await migrateInProcess(pair.env, ["--full-compare"]);
    expect(next.report?.reconciliation?.figures).toEqual(full.report?.reconciliation?.figures);
  });

  it("still finds a target row that differs when the user's source digest is unchanged", async () => {
    await withClient(pair.target.url, (client) =>
      client.query(`UPDATE account SET password = '$2a$10$tampered' WHERE "userId" = $1`, [ID.alice]),
    );
    const run = await migrateInProcess(pair.env);
    expect(run.code).toBe(1);
    expect(run.report?.unchangedByDigest).toBe(10);
    expect(run.report?.reconciliation?.mismatches).toEqual([
      { id: ID.alice, part: "account credential", problem: "differs from the source" },
    ]);
    // Her live rows no longer hash to her target digest, so she alone was checked part by part.
    expect(run.report?.reconciliation?.checkedByTargetDigest).toBe(9);
    expect((await migrateInProcess(pair.env)).code).toBe(1);
  });

  it("trusts a target digest again only once every part is as imported", async () => {
    const [original] = await rows<{ password: string }>(
      pair.target.url,
      `SELECT password FROM account WHERE "userId" = $1 AND "providerId" = 'credential'`,
      [ID.alice],
    );
    const setPassword = (password: string | undefined) =>
      withClient(pair.target.url, (client) =>
        client.query(`UPDATE account SET password = $2 WHERE "userId" = $1 AND "providerId" = 'credential'`, [
          ID.alice,
          password,
        ]),
      );
    await setPassword("$2a$10$tampered");
    expect((await migrateInProcess(pair.env)).code).toBe(1);
    await setPassword(original?.password);
    const repaired = await migrateInProcess(pair.env);
    expect(repaired.code, repaired.stdout).toBe(0);
    expect(repaired.report?.reconciliation?.checkedByTargetDigest).toBe(9);
    const next = await migrateInProcess(pair.env);
    expect(next.report?.reconciliation).toMatchObject({ ok: true, checkedByTargetDigest: 10 });
  });

  it("never trusts by target digest a write that did not land as mapped", async () => {
    // Something in the target rewrites a name as it is written: the run that writes it must find the mismatch,
    // and so must every rerun (the target digest taken after the write is not kept, since its check failed).
    await withClient(pair.target.url, (client) =>
      client.query(
        `CREATE FUNCTION garble_name() RETURNS trigger LANGUAGE plpgsql AS
           $$ BEGIN NEW.name := 'Garbled'; RETURN NEW; END $$;
         CREATE TRIGGER garble_name BEFORE UPDATE ON "user" FOR EACH ROW EXECUTE FUNCTION garble_name()`,
      ),
    );
    await withClient(pair.source.url, (client) =>
      client.query(
        `UPDATE auth.users SET raw_user_meta_data = raw_user_meta_data || '{"full_name": "Alice S."}' WHERE id = $1`,
        [ID.alice],
      ),
    );
    for (const updated of [1, 0]) {
      const run = await migrateInProcess(pair.env);
      expect(run.code).toBe(1);
      expect(run.report?.changes.updated).toBe(updated);
      expect(run.report?.reconciliation?.mismatches).toEqual([
        { id: ID.alice, part: "user", problem: "differs from the source" },
      ]);
    }
  });

  it("notices a ban that has run out since the import, although no source row changed", async () => {
    await withClient(pair.source.url, (client) =>
      client.query(
        "UPDATE auth.users SET banned_until = now() + interval '2 seconds', updated_at = updated_at WHERE id = $1",
        [ID.alice],
      ),
    );
    expect((await migrateInProcess(pair.env)).report?.changes.updated).toBe(1);
    expect(await rows(pair.target.url, `SELECT banned FROM "user" WHERE id = $1`, [ID.alice])).toEqual([
      { banned: true },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const run = await migrateInProcess(pair.env);
    expect(run.report?.changes.updated).toBe(1);
    expect(await rows(pair.target.url, `SELECT banned FROM "user" WHERE id = $1`, [ID.alice])).toEqual([
      { banned: false },
    ]);
  });

  it("keeps a profile edited here reconciled when Supabase later changes the same user's name", async () => {
    await withClient(pair.target.url, (client) =>
      client.query(
        "UPDATE profile SET learning_goals = 'Mine now', updated_at = now(), version = version + 1 WHERE user_id = $1",
        [ID.alice],
      ),
    );
    await withClient(pair.source.url, (client) =>
      client.query(
        `UPDATE auth.users SET raw_user_meta_data = raw_user_meta_data || '{"full_name": "Alice R."}' WHERE id = $1`,
        [ID.alice],
      ),
    );
    for (const expected of [1, 0]) {
      const run = await migrateInProcess(pair.env);
      expect(run.code, run.stdout).toBe(0);
      expect(run.report?.changes.updated).toBe(expected);
      expect(run.report?.reconciliation).toMatchObject({ ok: true, changedOnTarget: 1 });
    }
    expect(
      await rows(pair.target.url, "SELECT learning_goals FROM profile WHERE user_id = $1", [ID.alice]),
    ).toEqual([{ learning_goals: "Mine now" }]);
  });

  it("applies exactly what changed in the source: a new user, an edited profile, a new and a removed identity", async () => {
    const [newcomer] = await insertSupabaseUsers(pair.source.url, [
      { email: "new@example.com", password: "pw" },
    ]);
    await withClient(pair.source.url, async (client) => {
      await client.query("UPDATE public.profiles SET learning_goals = 'Build a biped' WHERE id = $1", [
        ID.oldBob,
      ]);
      await client.query(
        `INSERT INTO auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
         VALUES ('777', $1, '{}', 'gitlab', now(), now())`,
        [ID.alice],
      );
      await client.query("DELETE FROM auth.identities WHERE user_id = $1 AND provider = 'discord'", [
        ID.carolOauth,
      ]);
    });
    const versionOfBob = async () =>
      (
        await rows(pair.target.url, "SELECT learning_goals, version FROM profile WHERE user_id = $1", [
          ID.oldBob,
        ])
      )[0];
    const before = await versionOfBob();
    const run = await migrateInProcess(pair.env);
    expect(run.code, run.stdout).toBe(0);
    expect(run.report?.changes).toEqual({ created: 1, updated: 3, unchanged: 7, deletedOnTarget: 0 });
    const profile = await versionOfBob();
    expect(profile?.learning_goals).toBe("Build a biped");
    // A new version, so an ETag read before the import no longer matches.
    expect(Number(profile?.version)).toBeGreaterThan(Number(before?.version));
    const providers = await rows(pair.target.url, `SELECT "userId", "providerId" FROM account ORDER BY 1, 2`);
    expect(providers).toContainEqual({ userId: ID.alice, providerId: "gitlab" });
    expect(providers).not.toContainEqual({ userId: ID.carolOauth, providerId: "discord" });
    expect(providers).toContainEqual({ userId: newcomer, providerId: "credential" });
  });

  it("never duplicates an account, whatever the number of runs", async () => {
    await migrateInProcess(pair.env);
    await migrateInProcess(pair.env, ["--batch-size", "3"]);
    const [counts] = await rows(
      pair.target.url,
      `SELECT count(*)::int AS total, count(DISTINCT ("providerId", "accountId"))::int AS distinct FROM account`,
    );
    expect(counts).toEqual({ total: 10, distinct: 10 });
  });

  it("does not undo what changed on the target since: a password upgraded at sign-in, an edited profile", async () => {
    await withClient(pair.target.url, async (client) => {
      await client.query(
        `UPDATE account SET password = 'c2FsdA:a2V5', "updatedAt" = now() WHERE "userId" = $1 AND "providerId" = 'credential'`,
        [ID.alice],
      );
      await client.query(
        "UPDATE profile SET display_name = 'Alice', updated_at = now(), version = version + 1 WHERE user_id = $1",
        [ID.alice],
      );
    });
    for (let i = 0; i < 2; i++) {
      const run = await migrateInProcess(pair.env);
      expect(run.code, run.stdout).toBe(0);
      expect(run.report?.changes.updated).toBe(0);
      // Alice's rows are hers now: judged part by part on every run, never trusted by a digest of her rows.
      expect(run.report?.reconciliation).toMatchObject({
        ok: true,
        changedOnTarget: 2,
        checkedByTargetDigest: 9,
      });
    }
    const [state] = await rows(
      pair.target.url,
      `SELECT a.password, p.display_name FROM account a JOIN profile p ON p.user_id = a."userId"
        WHERE a."userId" = $1 AND a."providerId" = 'credential'`,
      [ID.alice],
    );
    expect(state).toEqual({ password: "c2FsdA:a2V5", display_name: "Alice" });
  });

  it("keeps a role given here when the source user changes, since Supabase has no such role", async () => {
    await withClient(pair.target.url, (client) =>
      client.query(`UPDATE "user" SET role = 'admin' WHERE id = $1`, [ID.alice]),
    );
    await withClient(pair.source.url, (client) =>
      client.query(
        `UPDATE auth.users SET raw_user_meta_data = raw_user_meta_data || '{"full_name": "Alice S."}' WHERE id = $1`,
        [ID.alice],
      ),
    );
    const run = await migrateInProcess(pair.env);
    expect(run.code, run.stdout).toBe(0);
    expect(run.report?.changes.updated).toBe(1);
    expect(await rows(pair.target.url, `SELECT name, role FROM "user" WHERE id = $1`, [ID.alice])).toEqual([
      { name: "Alice S.", role: "admin" },
    ]);
  });

  it("fails reconciliation when a target row differs from the source with no later change to explain it", async () => {
    // Changed behind the migration's back, with no later updatedAt to show it was a user's own change.
    await withClient(pair.target.url, (client) =>
      client.query(`UPDATE "user" SET name = 'Tampered' WHERE id = $1`, [ID.alice]),
    );
    const run = await migrateInProcess(pair.env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("RECONCILIATION FAILED");
    const reconciliation = run.report?.reconciliation;
    expect(reconciliation?.ok).toBe(false);
    expect(reconciliation?.mismatches).toEqual([
      { id: ID.alice, part: "user", problem: "differs from the source" },
    ]);
    expect(reconciliation?.figures.find((figure) => figure.name === "fingerprint")?.ok).toBe(false);
  });

  it("leaves deleted what owners deleted here: a profile, a whole account, never re-created by a rerun", async () => {
    await withClient(pair.target.url, async (client) => {
      await client.query("DELETE FROM profile WHERE user_id = $1", [ID.oldBob]);
      await client.query(`DELETE FROM "user" WHERE id = $1`, [ID.carolOauth]);
    });
    const run = await migrateInProcess(pair.env);
    expect(run.code, run.stdout).toBe(0);
    expect(run.report?.changes).toEqual({ created: 0, updated: 0, unchanged: 9, deletedOnTarget: 1 });
    expect(run.report?.reconciliation).toMatchObject({ ok: true, changedOnTarget: 1 });
    expect(run.stdout).toContain("deleted their account here since their import, left deleted: 1");
    expect(await rows(pair.target.url, `SELECT id FROM "user" WHERE id = $1`, [ID.carolOauth])).toEqual([]);
    expect(
      await rows(pair.target.url, "SELECT user_id FROM profile WHERE user_id = $1", [ID.oldBob]),
    ).toEqual([]);
  });

  it("fails only the users whose e-mail or login another target user has, naming that user; the rest commits", async () => {
    const [zedHere, xanHere] = await withClient(pair.target.url, async (client) => {
      const { rows: made } = await client.query<{ id: string }>(
        `INSERT INTO "user" (name, email, "emailVerified")
         VALUES ('Zed', 'zed@example.com', true), ('Xan', 'xan@example.com', true) RETURNING id`,
      );
      const ids = made.map((row) => row.id);
      await client.query(
        `INSERT INTO account ("providerId", "accountId", "userId", "updatedAt") VALUES ('github', 'gh-taken', $1, now())`,
        [ids[1]],
      );
      return ids;
    });
    const [zed, xia, yan] = await insertSupabaseUsers(pair.source.url, [
      { email: "Zed@Example.com", password: "zed" },
      { email: "xia@example.com", identities: [{ provider: "github", subject: "gh-taken" }] },
      { email: "yan@example.com", password: "yan" },
    ]);
    // In id order, as batches are (the ids are random).
    const expected = [
      { id: zed, reason: "email_taken_in_target", message: expect.stringContaining(`${zedHere}`) },
      { id: xia, reason: "account_taken_in_target", message: expect.stringContaining(`${xanHere}`) },
    ].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
    // A dry run finds them before writing; a real run when its first attempt at the batch fails (write-changes.ts).
    const dry = await migrateInProcess(pair.env, ["--dry-run"]);
    expect(dry.report?.failed).toEqual(expected);
    const run = await migrateInProcess(pair.env);
    expect(run.code).toBe(1);
    expect(run.report?.failed).toEqual(expected);
    expect(run.report?.changes.created).toBe(1);
    expect(
      await rows(pair.target.url, `SELECT id, email FROM "user" WHERE id = ANY($1::uuid[])`, [
        [zed, xia, yan],
      ]),
    ).toEqual([{ id: yan, email: "yan@example.com" }]);
    expect(run.report?.reconciliation?.ok).toBe(true);
  });

  it("rewrites users whose rows are here without their import records as one clean run would, with no duplicate", async () => {
    // Every user of the batch is new to the import records, so the batch is first tried with plain INSERTs
    // (write-changes.ts); its rows exist, so that attempt fails and the retry upserts each user.
    const before = (await targetContents(pair.target.url)) as Record<string, unknown>;
    await withClient(pair.target.url, (client) => client.query("DELETE FROM supabase_import"));
    const run = await migrateInProcess(pair.env);
    expect(run.code, run.stdout).toBe(0);
    expect(run.report?.failed).toEqual([]);
    expect(run.report?.changes).toMatchObject({ created: 10, updated: 0 });
    const after = (await targetContents(pair.target.url)) as Record<string, unknown>;
    expect(after.users).toEqual(before.users);
    expect(after.accounts).toEqual(before.accounts);
    expect(after.imports).toEqual(before.imports);
  });

  it("isolates a row the database rejects: the rest of its batch commits, and a rerun retries that row", async () => {
    // An operator's own rule on the target stands in for any row-level failure the planner cannot foresee.
    await withClient(pair.target.url, (client) =>
      client.query(`
        CREATE FUNCTION reject_blocked() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.email LIKE 'blocked%' THEN RAISE EXCEPTION 'blocked by a local rule'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER reject_blocked BEFORE INSERT ON "user" FOR EACH ROW EXECUTE FUNCTION reject_blocked();`),
    );
    const [blocked, fine] = await insertSupabaseUsers(pair.source.url, [
      { email: "blocked@example.com", password: "x" },
      { email: "fine@example.com", password: "y" },
    ]);
    const run = await migrateInProcess(pair.env);
    expect(run.code).toBe(1);
    expect(run.report?.failed).toEqual([
      { id: blocked, reason: "write_failed", message: expect.stringContaining("blocked by a local rule") },
    ]);
    expect(
      await rows(pair.target.url, `SELECT id FROM "user" WHERE id = ANY($1::uuid[])`, [[blocked, fine]]),
    ).toEqual([{ id: fine }]);
    await withClient(pair.target.url, (client) => client.query(`DROP TRIGGER reject_blocked ON "user"`));
    const retry = await migrateInProcess(pair.env);
    expect(retry.code).toBe(0);
    expect(retry.report?.changes).toMatchObject({ created: 1 });
  });

  it("reports a user migrated earlier and deleted in Supabase since, and leaves it in the target", async () => {
    await withClient(pair.source.url, (client) =>
      client.query("UPDATE auth.users SET deleted_at = now() WHERE id = $1", [ID.oldBob]),
    );
    const run = await migrateInProcess(pair.env);
    expect(run.report?.skipped).toContainEqual({ id: ID.oldBob, reason: "deleted" });
    expect(run.report?.warnings).toContainEqual(expect.objectContaining({ id: ID.oldBob, field: "user" }));
    expect(await rows(pair.target.url, `SELECT id FROM "user" WHERE id = $1`, [ID.oldBob])).toHaveLength(1);
  });
});
