import { createHash } from "node:crypto";
import { BCRYPT_CLAIM_SOURCE } from "@textbook/migrations/bcrypt-hash";
import { withTransaction } from "@textbook/migrations/database";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applySql } from "../../src/migrate-supabase/apply-plan.js";
import { SetFingerprint } from "../../src/migrate-supabase/fingerprint.js";
import { inspectSource } from "../../src/migrate-supabase/inspect-source.js";
import { mapAndPlan } from "../../src/migrate-supabase/map-users.js";
import { NO_NESTED_LOOPS, UTC_SETTINGS } from "../../src/migrate-supabase/read-in-utc.js";
import { buildUsersQuery, MAPPING_VERSION } from "../../src/migrate-supabase/read-source-batches.js";
import { BATCH_STATE } from "../../src/migrate-supabase/read-target-state.js";
import { JUDGE_BATCH_AND_STORE_DIGESTS } from "../../src/migrate-supabase/reconcile.js";
import { batchSummary } from "../../src/migrate-supabase/report.js";
import { STAGING_TABLES } from "../../src/migrate-supabase/staging.js";
import { targetDigest } from "../../src/migrate-supabase/target-digest.js";
import { createSupabaseSchema, insertBulkUsers, withClient } from "../fixtures/supabase-fixture.js";

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  Plans?: PlanNode[];
}

const md5 = (text: string) => createHash("md5").update(text).digest("hex");

/** Rows read from `relation` by every plan node that scans it, loops included. */
function rowsRead(node: PlanNode, relation: string): number {
  const own = node["Relation Name"] === relation ? node["Actual Rows"] * node["Actual Loops"] : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsRead(child, relation), 0);
}

/** Every node type in the plan. */
function nodeTypes(node: PlanNode): string[] {
  return [node["Node Type"], ...(node.Plans ?? []).flatMap(nodeTypes)];
}

// A batch's statements must cost what the batch is large, whatever the size of the tables: PostgreSQL estimates a
// uuid range of one batch at about one row once the tables are analyzed, and a plan that joins the range then
// re-reads it for every row (seen at 1,000,000 users: 0.6 s a batch). These run the statements on an analyzed target
// and count the rows each reads.
describe("the rerun's statements on an analyzed target", () => {
  let target: TestDatabase;
  let pool: pg.Pool;
  const USERS = 20_000;
  const BATCH = 2_000;

  beforeAll(async () => {
    target = await createTestDatabase();
    pool = new pg.Pool({ connectionString: target.url, max: 1 });
    // pool.end() resolves before its connection has closed, and dropping the database then ends that connection
    // with an error of its own: expected at the end, never a test's failure.
    pool.on("error", () => undefined);
    await withClient(target.url, async (client) => {
      await client.query(
        `INSERT INTO "user" (id, name, email, "emailVerified")
         SELECT gen_random_uuid(), 'Learner ' || n, 'learner' || n || '@example.com', true
           FROM generate_series(1, $1::int) n`,
        [USERS],
      );
      await client.query(
        `INSERT INTO account ("providerId", "accountId", "userId", password, "updatedAt")
         SELECT 'credential', id::text, id, '$2a$10$' || md5(id::text), now() FROM "user"`,
      );
      await client.query(`INSERT INTO profile (user_id, display_name) SELECT id, name FROM "user"`);
      await client.query(
        `INSERT INTO supabase_import (user_id, fingerprints, source_digest, report_facts)
         SELECT id, jsonb_build_object('user', md5(id::text), 'profile', md5('p' || id),
                                       'accounts', jsonb_build_object(jsonb_build_array('credential', id::text)::text, md5('a' || id))),
                md5(id::text), '{"sourceCounts":[],"accountProviders":[],"warnings":[]}'
           FROM "user"`,
      );
      await client.query(
        `UPDATE supabase_import SET target_digest = ${targetDigest("user_id")}, fingerprint_xor = md5(user_id::text)`,
      );
      // A histogram as coarse next to one batch as that of a table of millions (100 buckets of 10,000 rows):
      // a batch's range then falls inside one bucket, which is where the estimate collapses.
      await client.query(
        `ALTER TABLE "user" ALTER COLUMN id SET STATISTICS 2;
         ALTER TABLE supabase_import ALTER COLUMN user_id SET STATISTICS 2;
         ALTER TABLE account ALTER COLUMN "userId" SET STATISTICS 2;
         ALTER TABLE profile ALTER COLUMN user_id SET STATISTICS 2;
         ANALYZE "user"; ANALYZE supabase_import; ANALYZE account; ANALYZE profile`,
      );
    });
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    await target?.drop();
  });

  /** The ids of one batch in the middle of the table. */
  async function batchIds(): Promise<string[]> {
    return withClient(target.url, async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `SELECT id::text FROM "user" ORDER BY id OFFSET $1 LIMIT $2`,
        [USERS / 2, BATCH],
      );
      return rows.map((row) => row.id);
    });
  }

  /**
   * Runs the statement with the settings the migration runs it with, in a transaction rolled back after (JUDGE_BATCH_AND_STORE_DIGESTS
   * writes), and returns its plan.
   */
  async function explain(sql: string, values: unknown[], settings: string): Promise<PlanNode> {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(settings);
      const result = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`,
        values,
      );
      return result.rows[0]?.["QUERY PLAN"][0].Plan as PlanNode;
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  }

  /** A plan's nodes and those of its CTEs and subplans, with the rows each read. */
  function summary(plan: PlanNode): Record<string, number> {
    return Object.fromEntries(
      ["supabase_import", "user", "account", "profile"].map((relation) => [
        relation,
        rowsRead(plan, relation),
      ]),
    );
  }

  /** BATCH_STATE's parameters for a batch of `ids` with these source digests. */
  const batchState = (ids: string[], digests: string[]) => [
    ids[0],
    ids.at(-1),
    `{${ids.join(",")}}`,
    `{${digests.join(",")}}`,
    false,
    "{}",
    "{}",
  ];

  it("reads each table's range of the batch once (BATCH_STATE)", async () => {
    const ids = await batchIds();
    const plan = await explain(
      BATCH_STATE,
      batchState(
        ids,
        ids.map(() => "changed"),
      ),
      NO_NESTED_LOOPS,
    );
    expect(summary(plan)).toEqual({ supabase_import: BATCH, user: BATCH, account: BATCH, profile: BATCH });
  });

  it("hashes the live rows of each unchanged user, reading each table's range once, and sums them (BATCH_STATE)", async () => {
    const ids = await batchIds();
    const values = batchState(ids, ids.map(md5));
    const plan = await explain(BATCH_STATE, values, NO_NESTED_LOOPS);
    expect(summary(plan)).toEqual({ supabase_import: BATCH, user: BATCH, account: BATCH, profile: BATCH });
    const { rows } = await withTransaction(pool, async (client) => {
      await client.query(NO_NESTED_LOOPS);
      return client.query<{ kind: string; n: number; xor: string }>(BATCH_STATE, values);
    });
    // The digests stored above by key (targetDigest) are those the range form computes: every user is verified,
    // and comes back in one sum, whose XOR is that of the fingerprint XORs stored above (md5 of each id).
    const expected = new SetFingerprint();
    for (const id of ids) expected.add(md5(id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "verified", n: BATCH });
    expect(BigInt(`0b${rows[0]?.xor}`).toString(16).padStart(32, "0")).toBe(expected.toString());
  });

  it("reads each live row it checks by key, once, and records target digests by key (JUDGE_BATCH_AND_STORE_DIGESTS)", async () => {
    const ids = await batchIds();
    // Trusted users whose parts all differ (the fingerprints above are made up): their target digests are cleared.
    const plan = await explain(
      JUDGE_BATCH_AND_STORE_DIGESTS,
      [JSON.stringify(ids), BCRYPT_CLAIM_SOURCE, ids[0], ids.at(-1)],
      `${STAGING_TABLES}; ${UTC_SETTINGS}; ${NO_NESTED_LOOPS}`,
    );
    expect(summary(plan)).toEqual({
      supabase_import: 2 * BATCH,
      user: BATCH,
      account: BATCH,
      profile: BATCH,
    });
  });

  it("maps, plans, writes, judges and sums a batch reading no more of each table than the batch's range (map-users.ts, apply-plan.ts, reconcile.ts, report.ts)", async () => {
    const ids = await batchIds();
    const [first, last] = [ids[0] ?? "", ids.at(-1) ?? ""];
    const literal = (id: string) => `${pg.escapeLiteral(id)}::uuid`;
    const statements = [
      ...mapAndPlan({ first, last }, '"default"').split(/;\n/),
      ...applySql({ allNew: false }).split(/;\n/),
    ].map((text): [string, unknown[]] => [text, []]);
    statements.push([JUDGE_BATCH_AND_STORE_DIGESTS, ["[]", BCRYPT_CLAIM_SOURCE, first, last]]);
    statements.push([batchSummary(literal(first), literal(last)), []]);
    const read: Record<string, number>[] = [];
    const client = await pool.connect();
    try {
      await client.query(`BEGIN; ${STAGING_TABLES}; ${UTC_SETTINGS}; ${NO_NESTED_LOOPS}`);
      // The batch's users as Supabase would send them: each with a password, a changed name, and a profile.
      await client.query(
        `INSERT INTO staged_user (id, email, encrypted_password, created_at, updated_at, has_mfa, digest, is_anonymous,
                                  raw_user_meta_data)
         SELECT id, email, '$2a$10$' || md5(id::text), "createdAt", "updatedAt", false, 'changed', false,
                jsonb_build_object('full_name', 'Renamed ' || name)
           FROM "user" WHERE id = ANY ($1::uuid[])`,
        [ids],
      );
      await client.query(
        `INSERT INTO staged_profile (id, full_name, created_at, updated_at)
         SELECT id, 'Renamed', now(), now() FROM staged_user`,
      );
      for (const [text, values] of statements) {
        const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
          `EXPLAIN (ANALYZE, FORMAT JSON) ${text}`,
          values,
        );
        read.push(summary(rows[0]?.["QUERY PLAN"][0].Plan as PlanNode));
      }
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
    // Each statement reads each table's range of the batch at most once or twice (the reconciliation reads the
    // import records' range to judge and again to record target digests), never the whole table (USERS rows).
    for (const counts of read) {
      for (const n of Object.values(counts)) expect(n).toBeLessThanOrEqual(2 * BATCH);
    }
    // And it did read them: the plan compared the import records, the reconciliation the live rows.
    expect(Math.max(...read.map((counts) => counts.supabase_import ?? 0))).toBeGreaterThanOrEqual(BATCH);
    expect(Math.max(...read.map((counts) => counts.user ?? 0))).toBe(BATCH);
  });
});

describe("the source digest query on an analyzed Supabase database", () => {
  let source: TestDatabase;
  let pool: pg.Pool;
  const USERS = 20_000;
  const BATCH = 2_000;

  beforeAll(async () => {
    source = await createTestDatabase({ migrated: false });
    pool = new pg.Pool({ connectionString: source.url, max: 1 });
    // pool.end() resolves before its connection has closed, and dropping the database then ends that connection
    // with an error of its own: expected at the end, never a test's failure.
    pool.on("error", () => undefined);
    await createSupabaseSchema(source.url);
    await insertBulkUsers(source.url, USERS, 0.8);
    // As coarse next to one batch as the statistics of a table of millions (see above).
    await withClient(source.url, (client) =>
      client.query(
        `ALTER TABLE auth.users ALTER COLUMN id SET STATISTICS 2;
         ALTER TABLE auth.identities ALTER COLUMN user_id SET STATISTICS 2;
         ALTER TABLE public.profiles ALTER COLUMN id SET STATISTICS 2;
         ANALYZE auth.users; ANALYZE auth.identities; ANALYZE public.profiles`,
      ),
    );
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    await source?.drop();
  });

  it("reads each table's range of the batch once, with no nested loop", async () => {
    const shape = await inspectSource(pool);
    const { rows: ids } = await pool.query<{ id: string }>(
      "SELECT id::text FROM auth.users ORDER BY id OFFSET $1 LIMIT $2",
      [USERS / 2, BATCH],
    );
    const range = [ids[0]?.id, ids.at(-1)?.id];
    const counts = await pool.query<{ profiles: number; identities: number }>(
      `SELECT (SELECT count(*)::int FROM public.profiles WHERE id BETWEEN $1 AND $2) AS profiles,
              (SELECT count(*)::int FROM auth.identities WHERE user_id BETWEEN $1 AND $2) AS identities`,
      range,
    );
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(`${UTC_SETTINGS}; ${NO_NESTED_LOOPS}`);
      const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${buildUsersQuery(shape, "u.id BETWEEN $1 AND $2", ["$1", "$2"], "$3")}`,
        [...range, MAPPING_VERSION],
      );
      const plan = rows[0]?.["QUERY PLAN"][0].Plan as PlanNode;
      expect({
        users: rowsRead(plan, "users"),
        profiles: rowsRead(plan, "profiles"),
        identities: rowsRead(plan, "identities"),
      }).toEqual({ users: BATCH, ...counts.rows[0] });
      expect(nodeTypes(plan)).not.toContain("Nested Loop");
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });
});
