import { createHash } from "node:crypto";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/migrate-supabase/report.js";
import { ALICE_PASSWORD, EVERY_KIND_OF_USER, ID, MESSY_TEXT } from "../fixtures/every-kind-of-user.js";
import { insertSupabaseUsers } from "../fixtures/supabase-fixture.js";
import { createDatabasePair, type DatabasePair, migrateInProcess, rows } from "./harness.js";

describe("migrating one Supabase user of every kind", () => {
  let pair: DatabasePair;
  let report: Report;
  let sourceBefore: unknown;

  const sourceSnapshot = async () => ({
    users: await rows(pair.source.url, "SELECT * FROM auth.users ORDER BY id"),
    identities: await rows(pair.source.url, "SELECT * FROM auth.identities ORDER BY id"),
    profiles: await rows(pair.source.url, "SELECT * FROM public.profiles ORDER BY id"),
  });
  const user = async (id: string) =>
    (await rows(pair.target.url, `SELECT * FROM "user" WHERE id = $1`, [id]))[0];
  const accounts = (id: string) =>
    rows<{ providerId: string; accountId: string; password: string | null }>(
      pair.target.url,
      `SELECT "providerId", "accountId", password FROM account WHERE "userId" = $1 ORDER BY "providerId"`,
      [id],
    );

  beforeAll(async () => {
    pair = await createDatabasePair();
    await insertSupabaseUsers(pair.source.url, EVERY_KIND_OF_USER);
    sourceBefore = await sourceSnapshot();
    const run = await migrateInProcess(pair.env);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    report = run.report as Report;
  });
  afterAll(() => pair?.drop());

  it("keeps a password user's id, lower-cases the e-mail, takes the name from the metadata and the bcrypt hash as it is", async () => {
    expect(await user(ID.alice)).toMatchObject({
      email: "alice.smith@example.com",
      name: "Alice Ångström 🤖",
      image: "https://cdn.example.com/a.png",
      emailVerified: true,
      banned: false,
    });
    const [credential] = await accounts(ID.alice);
    expect(credential).toMatchObject({ providerId: "credential", accountId: ID.alice });
    expect(bcrypt.compareSync(ALICE_PASSWORD, credential?.password ?? "")).toBe(true);
  });

  it("keeps created and updated times to the microsecond", async () => {
    const [times] = await rows(
      pair.target.url,
      `SELECT "createdAt"::text AS created, "updatedAt"::text AS updated FROM "user" WHERE id = $1`,
      [ID.alice],
    );
    expect(times).toEqual({
      created: "2023-05-06 07:08:09.123456+00",
      updated: "2024-11-12 13:14:15.654321+00",
    });
  });

  it("gives a bcrypt password a credential account even without an email identity (older Supabase)", async () => {
    expect(await accounts(ID.oldBob)).toMatchObject([{ providerId: "credential", accountId: ID.oldBob }]);
    expect(await user(ID.oldBob)).toMatchObject({ name: "Bobby" });
  });

  it("keeps every OAuth identity as an account, providers not configured here included, and reports them", async () => {
    expect(await accounts(ID.carolOauth)).toEqual([
      { providerId: "discord", accountId: "80351110224678912", password: null },
      { providerId: "github", accountId: "5811", password: null },
      { providerId: "google", accountId: "108234567890123456789", password: null },
    ]);
    expect(await user(ID.carolOauth)).toMatchObject({
      name: "carol",
      image: "https://avatars.example.com/carol",
    });
    expect(report.accounts).toMatchObject({ credential: 6, github: 1, google: 1, discord: 1 });
  });

  it("migrates an invited user who never accepted, unverified and without a credential account", async () => {
    expect(await user(ID.invitedDan)).toMatchObject({ emailVerified: false });
    expect(await accounts(ID.invitedDan)).toEqual([]);
    expect(report.source.invitedNotAccepted).toBe(1);
  });

  it("migrates a magic-link user without a password as verified, with no credential account", async () => {
    expect(await user(ID.magicJo)).toMatchObject({ emailVerified: true });
    expect(await accounts(ID.magicJo)).toEqual([]);
  });

  it("turns an active ban into banned and banExpires, and drops one that has expired", async () => {
    expect(await user(ID.bannedErin)).toMatchObject({
      banned: true,
      banExpires: new Date("2999-01-01T00:00:00Z"),
    });
    expect(await user(ID.pastBanFay)).toMatchObject({ banned: false, banExpires: null });
  });

  it("skips soft-deleted, anonymous and phone-only users with a reason, and writes nothing for them", async () => {
    expect(report.skipped).toEqual(
      expect.arrayContaining([
        { id: ID.deletedGus, reason: "deleted" },
        { id: ID.anonymous, reason: "anonymous" },
        { id: ID.phoneOnly, reason: "phone_only" },
      ]),
    );
    for (const id of [ID.deletedGus, ID.anonymous, ID.phoneOnly]) expect(await user(id)).toBeUndefined();
  });

  it("migrates the confirmed, most recently used of two e-mails that differ only in case, and reports the other with both ids", async () => {
    expect(await user(ID.hankWinner)).toMatchObject({ email: "hank@example.com" });
    expect(await user(ID.hankLoser)).toBeUndefined();
    expect(report.skipped).toContainEqual({
      id: ID.hankLoser,
      reason: "email_conflict",
      conflictsWith: ID.hankWinner,
    });
  });

  it("copies profile text and lists byte for byte and sets an unknown background level to NULL with a warning", async () => {
    const [profile] = await rows(pair.target.url, "SELECT * FROM profile WHERE user_id = $1", [ID.alice]);
    expect(profile).toMatchObject({
      display_name: MESSY_TEXT,
      avatar_url: "http://not-https.example.com/pic.png",
      software_background: "advanced",
      hardware_background: null,
      programming_languages: ["python", "python", "", "C++ ", "日本語", null],
      robotics_experience: MESSY_TEXT.repeat(3),
      learning_goals: "",
      preferred_language: "ur",
      // A fresh version from the one sequence every profile write takes (migrations/0008), bigint as text.
      version: expect.stringMatching(/^[1-9][0-9]*$/),
    });
    expect(report.warnings).toEqual([{ id: ID.alice, field: "hardware_background", value: "Expert" }]);
  });

  it("stores the fingerprints earlier versions stored: the MD5 of each part's canonical JSON text, messy text included", async () => {
    // The canonical form earlier versions computed in TypeScript (a JSON array of the part's columns, timestamps as
    // UTC text, ", " between items): the same fingerprints, so a rerun after the upgrade rewrites no one.
    const canonical = (values: unknown[]): string =>
      `[${values.map((v) => (Array.isArray(v) ? canonical(v) : JSON.stringify(v))).join(", ")}]`;
    const md5 = (text: string) => createHash("md5").update(text).digest("hex");
    const utc = `to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'`;
    const at = (column: string) => `regexp_replace(${utc.replace("%s", column)}, '\\.?0+[+]', '+')`;
    const [live] = await rows<{ u: unknown[]; a: unknown[]; p: unknown[]; stored: Record<string, unknown> }>(
      pair.target.url,
      `SELECT json_build_array(u.id, u.name, u.email, u."emailVerified", u.image, ${at('u."createdAt"')},
                               ${at('u."updatedAt"')}, u.banned, u."banReason", u."banExpires") AS u,
              json_build_array(a."providerId", a."accountId", a."userId", a.password, ${at('a."createdAt"')},
                               ${at('a."updatedAt"')}) AS a,
              json_build_array(p.user_id, p.display_name, p.avatar_url, p.software_background, p.hardware_background,
                               p.programming_languages, p.robotics_experience, p.learning_goals, p.preferred_language,
                               ${at("p.created_at")}, ${at("p.updated_at")}) AS p,
              s.fingerprints AS stored
         FROM "user" u JOIN account a ON a."userId" = u.id AND a."providerId" = 'credential'
         JOIN profile p ON p.user_id = u.id JOIN supabase_import s ON s.user_id = u.id
        WHERE u.id = $1`,
      [ID.alice],
    );
    expect(live?.p).toContain(MESSY_TEXT);
    expect(live?.stored).toEqual({
      user: md5(canonical(live?.u ?? [])),
      accounts: { [canonical(["credential", ID.alice])]: md5(canonical(live?.a ?? [])) },
      profile: md5(canonical(live?.p ?? [])),
    });
  });

  it("falls back to the user's name for a profile without a full name, and to the defaults for missing lists", async () => {
    const [profile] = await rows(pair.target.url, "SELECT * FROM profile WHERE user_id = $1", [ID.oldBob]);
    expect(profile).toMatchObject({
      display_name: "Bobby",
      programming_languages: [],
      preferred_language: "en",
    });
  });

  it("reports every source user exactly once, counts users who had MFA, and reconciles", () => {
    expect(report.migrated + report.skipped.length + report.failed.length).toBe(EVERY_KIND_OF_USER.length);
    expect(report.source).toMatchObject({ users: 14, withMfa: 1, eligible: 10 });
    expect(report.migrated).toBe(10);
    expect(report.reconciliation?.ok).toBe(true);
    expect(report.reconciliation?.figures).toContainEqual({
      name: "users",
      source: 10,
      target: 10,
      ok: true,
    });
  });

  it("leaves the Supabase database exactly as it was", async () => {
    expect(await sourceSnapshot()).toEqual(sourceBefore);
  });
});

describe("migrating bcrypt hashes the auth-server will not verify", () => {
  const MALFORMED = "0b000000-0000-4000-8000-000000000001";
  const COSTLY = "0b000000-0000-4000-8000-000000000002";
  const FINE = "0b000000-0000-4000-8000-000000000003";
  const COSTLY_HASH = "$2a$31$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234";
  let pair: DatabasePair;
  let report: Report;

  beforeAll(async () => {
    pair = await createDatabasePair();
    await insertSupabaseUsers(pair.source.url, [
      { id: MALFORMED, email: "malformed@example.com", encryptedPassword: `$2a$10$${"!".repeat(53)}` },
      { id: COSTLY, email: "costly@example.com", encryptedPassword: COSTLY_HASH },
      { id: FINE, email: "fine@example.com", password: "a fine password" },
    ]);
    const run = await migrateInProcess(pair.env);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    report = run.report as Report;
  });
  afterAll(() => pair?.drop());

  it("migrates them as they are and reports each as a warning that names the problem, not the hash", async () => {
    expect(report.migrated).toBe(3);
    expect(report.warnings).toEqual([
      {
        id: MALFORMED,
        field: "encrypted_password",
        value: "malformed bcrypt hash: sign-in refuses it until the user resets the password",
      },
      {
        id: COSTLY,
        field: "encrypted_password",
        value: "bcrypt cost 31, outside 4–12: sign-in refuses it until the user resets the password",
      },
    ]);
    const [stored] = await rows<{ password: string }>(
      pair.target.url,
      `SELECT password FROM account WHERE "userId" = $1 AND "providerId" = 'credential'`,
      [COSTLY],
    );
    expect(stored?.password).toBe(COSTLY_HASH);
  });
});
