import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/bcrypt";
import type pg from "pg";
import type { BenchServer } from "./bench-server-process.js";
import { getSession, postJson, signedUpCookie } from "./bench-server-process.js";

const USERS = 200;
// Supabase Auth's cost (GoTrue uses Go's bcrypt.DefaultCost).
const SUPABASE_COST = 10;
const PASSWORD = "kept from supabase";

/** One round of the bcrypt storm. */
export interface StormRound {
  /** From the first sign-in sent to the last answer, in ms. */
  allSignedInMillis: number;
  signedIn: number;
  /** Users whose stored hash is still bcrypt afterwards (each sign-in should have replaced it with scrypt). */
  stillBcrypt: number;
  sessionP99: number;
  sessionP50: number;
  sessionRequests: number;
  sessionFailures: number;
}

/** Inserts `USERS` users as the Supabase migration writes them: verified, a credential account with bcrypt. */
async function seedMigratedUsers(pool: pg.Pool, tag: string): Promise<string[]> {
  const hashes = await Promise.all(Array.from({ length: USERS }, () => hash(PASSWORD, SUPABASE_COST)));
  const ids = hashes.map(() => randomUUID());
  await pool.query(
    `INSERT INTO "user" (id, name, email, "emailVerified", "createdAt", "updatedAt")
     SELECT id, 'Migrated', 'storm-' || $2 || '-' || n || '@example.com', true, now(), now()
     FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, n)`,
    [ids, tag],
  );
  await pool.query(
    `INSERT INTO account ("accountId", "providerId", "userId", password, "createdAt", "updatedAt")
     SELECT id::text, 'credential', id, password, now(), now() FROM unnest($1::uuid[], $2::text[]) AS a(id, password)`,
    [ids, hashes],
  );
  return ids.map((_, n) => `storm-${tag}-${n + 1}@example.com`);
}

/**
 * 200 users migrated from Supabase sign in at once (each verifies bcrypt, then is rehashed to scrypt) while one
 * client calls get-session back to back until the last of them has an answer.
 */
export async function bcryptStormRound(server: BenchServer, pool: pg.Pool, tag: string): Promise<StormRound> {
  const emails = await seedMigratedUsers(pool, tag);
  const cookie = await signedUpCookie(server, `storm-probe-${tag}@example.com`, "benchmark password");
  for (let i = 0; i < 20; i++) await getSession(server, cookie); // warm-up

  let storming = true;
  const latencies: number[] = [];
  let sessionFailures = 0;
  const probe = (async () => {
    while (storming) {
      const begin = performance.now();
      const ok = await getSession(server, cookie).catch(() => false);
      latencies.push(performance.now() - begin);
      if (!ok) sessionFailures++;
    }
  })();
  const started = performance.now();
  const answers = await Promise.all(
    emails.map(async (email) => {
      const response = await postJson(`${server.url}/api/auth/sign-in/email`, { email, password: PASSWORD });
      await response.arrayBuffer();
      return response.ok;
    }),
  );
  const allSignedInMillis = performance.now() - started;
  storming = false;
  await probe;

  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM account a JOIN "user" u ON u.id = a."userId"
     WHERE u.email LIKE 'storm-' || $1 || '-%' AND a.password LIKE '$2%'`,
    [tag],
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    allSignedInMillis,
    signedIn: answers.filter(Boolean).length,
    stillBcrypt: rows[0].n,
    sessionP99: at(0.99),
    sessionP50: at(0.5),
    sessionRequests: latencies.length,
    sessionFailures,
  };
}
