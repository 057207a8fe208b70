import {
  BCRYPT_CLAIM_SOURCE,
  BCRYPT_COSTS,
  BCRYPT_LENGTH,
  BCRYPT_SHAPE_SOURCE,
} from "@textbook/migrations/bcrypt-hash";
import { BACKGROUND_LEVELS, PROFILE_DEFAULTS } from "@textbook/profile-api/contract";
import pg from "pg";
import { RECORD_SKIPS } from "./apply-plan.js";
import {
  accountFingerprint,
  accountKey,
  bitsToHexSql,
  fingerprintBits,
  profileFingerprint,
  userFingerprint,
} from "./fingerprint.js";
import { hasText, lowerEmail, skipReason } from "./shared-rules.js";

/**
 * Every rule of the mapping from Supabase to this platform, once, as SQL over a batch's staged source rows
 * (staging.ts): what each user becomes (skipped with a reason, or its "user", accounts and profile rows), its
 * warnings, what it adds to the report, its fingerprints, and the plan (what must be written, compared with the
 * fingerprints earlier runs stored). The same statements serve first runs, reruns and dry runs; scripts/README.md,
 * "What happens to each kind of user", is this file in prose. Raise MAPPING_VERSION (read-source-batches.ts)
 * whenever a rule here changes.
 *
 * The rules' constants come from their own homes and are written in as literals: the bcrypt rules
 * (migrations/src/bcrypt-hash.ts, which sign-in shares), the profile's levels and defaults (the profile-api's
 * contract).
 */

const literal = (value: string) => pg.escapeLiteral(value);
/** A text[] literal: each element double-quoted, its `"` and `\` escaped, as PostgreSQL's array syntax wants. */
const textArray = (values: readonly string[]) =>
  `${literal(`{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`)}::text[]`;

/** When a user has no created_at at all, a fixed instant keeps reruns stable (now() would change every run). */
const UNKNOWN_TIME = `'1970-01-01 00:00:00+00'::timestamptz`;
const LEVELS = textArray(BACKGROUND_LEVELS);
const CLAIMS_BCRYPT = (password: string) => `coalesce(${password} ~ ${literal(BCRYPT_CLAIM_SOURCE)}, false)`;

/** A text value of `raw_user_meta_data` that has text, else NULL. */
const metadataText = (metadata: string, key: string) =>
  `CASE WHEN jsonb_typeof(${metadata} -> '${key}') = 'string' AND ${hasText(`${metadata} ->> '${key}'`)}
        THEN ${metadata} ->> '${key}' END`;

/**
 * What sign-in refuses in a hash that claims bcrypt, as the warning's text; NULL when it is usable.
 */
const bcryptWarning = (password: string) => `CASE
  WHEN length(${password}) <> ${BCRYPT_LENGTH} OR NOT ${password} ~ ${literal(BCRYPT_SHAPE_SOURCE)}
    THEN 'malformed bcrypt hash: sign-in refuses it until the user resets the password'
  WHEN substring(${password} FROM 5 FOR 2)::int NOT BETWEEN ${BCRYPT_COSTS.min} AND ${BCRYPT_COSTS.max}
    THEN 'bcrypt cost ' || substring(${password} FROM 5 FOR 2)::int || ', outside ${BCRYPT_COSTS.min}–${BCRYPT_COSTS.max}: sign-in refuses it until the user resets the password'
  END`;

/** A known background level as it is; an unknown one becomes NULL (with a warning, below). */
const knownLevel = (value: string) => `CASE WHEN ${value} = ANY (${LEVELS}) THEN ${value} END`;
const unknownLevel = (value: string) => `(${value} IS NOT NULL AND NOT ${value} = ANY (${LEVELS}))`;
const levelWarning = (p: string, field: string) =>
  `CASE WHEN ${unknownLevel(`${p}.${field}`)}
        THEN jsonb_build_object('id', ${p}.id, 'field', '${field}', 'value', ${p}.${field}) END`;

/**
 * Users. Skipped, in this order: soft-deleted, anonymous, without an e-mail (phone-only when they have a phone, as
 * this platform has no phone sign-in: skipReason, shared-rules.ts), or the loser of an e-mail conflict
 * (find-email-conflicts.ts). Everyone else keeps their id, with the e-mail lower-cased (as Better Auth looks it up:
 * shared-rules.ts), the name from the metadata's `full_name`, else `name`, else the e-mail's local part, the image
 * from `avatar_url`, else `picture`, verified when the e-mail was confirmed, banned while `banned_until` is still
 * ahead (the source's clock decides: read-source-batches.ts).
 * The report counts (`source_counts`) and warnings (a background level the platform does not know, a bcrypt hash
 * sign-in refuses) are the user's report facts, stored with its import or skip record.
 */
const mapUsers = (collation: string) => `
INSERT INTO mapped_user
WITH k AS MATERIALIZED (
  -- Each value that several rules read, computed once (MATERIALIZED: the planner would otherwise copy the expression
  -- into every place that reads it).
  SELECT s.*, c.winner, p.id IS NOT NULL AS has_profile, p.software_background, p.hardware_background, i.providers,
         ${CLAIMS_BCRYPT("s.encrypted_password")} AS claims_bcrypt,
         coalesce(${skipReason({ deletedAt: "s.deleted_at", isAnonymous: "s.is_anonymous", email: "s.email", phone: "s.phone" })},
                  CASE WHEN c.winner IS NOT NULL THEN 'email_conflict' END) AS skip_reason,
         coalesce(s.created_at, s.updated_at, ${UNKNOWN_TIME}) AS user_created_at
    FROM staged_user s
    LEFT JOIN staged_conflict c ON c.loser = s.id
    LEFT JOIN staged_profile p ON p.id = s.id
    LEFT JOIN (SELECT user_id, array_agg('identities.' || provider ORDER BY provider COLLATE "C", subject COLLATE "C") AS providers
                 FROM staged_identity GROUP BY user_id) i ON i.user_id = s.id
), m AS MATERIALIZED (
  SELECT k.id, k.digest, k.skip_reason, k.winner,
         u.name, u.email, u."emailVerified", u.image, u."createdAt", u."updatedAt", u.banned, u."banReason", u."banExpires",
         ARRAY['users']
           || CASE WHEN k.has_mfa THEN ARRAY['withMfa'] ELSE '{}' END
           || CASE WHEN k.claims_bcrypt THEN ARRAY['withPassword'] ELSE '{}' END
           || CASE WHEN k.invited_at IS NOT NULL AND k.email_confirmed_at IS NULL THEN ARRAY['invitedNotAccepted'] ELSE '{}' END
           || CASE WHEN k.has_profile THEN ARRAY['profiles'] ELSE '{}' END
           || coalesce(k.providers, '{}')
           || ARRAY[coalesce('skipped.' || k.skip_reason, 'eligible')] AS source_counts,
         CASE WHEN k.skip_reason IS NULL THEN
           CASE WHEN ${unknownLevel("k.software_background")} OR ${unknownLevel("k.hardware_background")}
                     OR (k.claims_bcrypt AND ${bcryptWarning("k.encrypted_password")} IS NOT NULL)
                THEN (SELECT jsonb_agg(w.warning ORDER BY w.n) FROM (VALUES
                        (1, ${levelWarning("k", "software_background")}),
                        (2, ${levelWarning("k", "hardware_background")}),
                        (3, CASE WHEN k.claims_bcrypt THEN
                              jsonb_build_object('id', k.id, 'field', 'encrypted_password',
                                                 'value', ${bcryptWarning("k.encrypted_password")}) END)
                      ) AS w(n, warning) WHERE w.warning ->> 'value' IS NOT NULL)
                ELSE '[]' END
         END AS warnings
    FROM k
    LEFT JOIN LATERAL (
      SELECT coalesce(${metadataText("k.raw_user_meta_data", "full_name")}, ${metadataText("k.raw_user_meta_data", "name")},
                      coalesce(nullif(substring(e.email FROM '^(.*)@'), ''), e.email)) AS name,
             e.email, k.email_confirmed_at IS NOT NULL AS "emailVerified",
             coalesce(${metadataText("k.raw_user_meta_data", "avatar_url")}, ${metadataText("k.raw_user_meta_data", "picture")}) AS image,
             k.user_created_at AS "createdAt", coalesce(k.updated_at, k.user_created_at) AS "updatedAt",
             k.active_ban_until IS NOT NULL AS banned, NULL::text AS "banReason", k.active_ban_until AS "banExpires"
        FROM (SELECT ${lowerEmail("k.email", collation)} AS email) e
       WHERE k.skip_reason IS NULL) u ON true
)
SELECT m.*, CASE WHEN m.skip_reason IS NULL THEN ${userFingerprint("m")} END FROM m`;

/**
 * Accounts: a password that claims bcrypt becomes a `credential` account holding the hash as it is, usable or not
 * (older Supabase versions wrote no `email` identity, so the password alone decides; '' or NULL means none); every
 * identity but `email` and `phone` becomes an account of its provider, keyed by the provider's subject.
 */
const MAP_ACCOUNTS = `
INSERT INTO mapped_account
SELECT a.*, ${accountKey("a")}, ${accountFingerprint("a")}
  FROM (
SELECT m.id AS "userId", 'credential' AS "providerId", m.id::text AS "accountId", s.encrypted_password AS password,
       m."createdAt", m."updatedAt"
  FROM mapped_user m JOIN staged_user s ON s.id = m.id
 WHERE m.skip_reason IS NULL AND ${CLAIMS_BCRYPT("s.encrypted_password")}
UNION ALL
SELECT i.user_id, i.provider, i.subject, NULL, coalesce(i.created_at, m."createdAt"),
       coalesce(i.updated_at, i.created_at, m."createdAt")
  FROM staged_identity i JOIN mapped_user m ON m.id = i.user_id
 WHERE m.skip_reason IS NULL AND i.provider NOT IN ('email', 'phone')
) a`;

/** The order of a user's accounts in its report facts: the credential first, then its identities'. */
const ACCOUNT_ORDER = `"providerId" <> 'credential', "providerId" COLLATE "C", "accountId" COLLATE "C"`;

/**
 * Profiles, field by field: text and lists byte for byte; `display_name` falls back to the user's name; an unknown
 * background level becomes NULL (warned above); a missing list or language takes the profile's default.
 */
const MAP_PROFILES = `
INSERT INTO mapped_profile
SELECT q.*, ${profileFingerprint("q")}
  FROM (
SELECT m.id AS user_id, coalesce(p.full_name, m.name) AS display_name, p.avatar_url,
       ${knownLevel("p.software_background")} AS software_background,
       ${knownLevel("p.hardware_background")} AS hardware_background,
       coalesce(p.programming_languages, ${textArray(PROFILE_DEFAULTS.programmingLanguages)}) AS programming_languages,
       p.robotics_experience, p.learning_goals,
       coalesce(p.preferred_language, ${literal(PROFILE_DEFAULTS.preferredLanguage)}) AS preferred_language,
       t.created_at, coalesce(p.updated_at, t.created_at) AS updated_at
  FROM mapped_user m JOIN staged_profile p ON p.id = m.id JOIN staged_user s ON s.id = m.id
 CROSS JOIN LATERAL (SELECT coalesce(p.created_at, s.created_at, ${UNKNOWN_TIME}) AS created_at) t
 WHERE m.skip_reason IS NULL
) q`;

/** The import records of a batch's id range (its bounds as SQL literals). */
const importsOf = (first: string, last: string) =>
  `(SELECT user_id, fingerprints, source_digest FROM supabase_import WHERE user_id BETWEEN ${first} AND ${last})`;

/**
 * Accounts to write: those whose fingerprint differs from the one stored for their key by earlier runs (all of a new
 * user's). Accounts to delete: those stored for a user that the source no longer has (an identity removed there).
 */
const planAccounts = (first: string, last: string) => `
INSERT INTO planned_account
SELECT a."userId", a."providerId", a."accountId", a.password, a."createdAt", a."updatedAt", 'upsert'
  FROM mapped_account a LEFT JOIN ${importsOf(first, last)} r ON r.user_id = a."userId"
 WHERE r.fingerprints -> 'accounts' ->> a.key IS DISTINCT FROM a.fingerprint
UNION ALL
SELECT m.id, k.key::jsonb ->> 0, k.key::jsonb ->> 1, NULL, NULL, NULL, 'delete'
  FROM mapped_user m JOIN ${importsOf(first, last)} r ON r.user_id = m.id
 CROSS JOIN LATERAL jsonb_object_keys(r.fingerprints -> 'accounts') AS k(key)
 WHERE m.skip_reason IS NULL
   AND NOT EXISTS (SELECT 1 FROM mapped_account a WHERE a."userId" = m.id AND a.key = k.key)`;

/**
 * Each migrated user's plan: `create` (no import record), `gone` (imported, and deleted here since by its owner:
 * never re-created), `update` (a part's fingerprint differs from the stored one) or `unchanged`; which parts to
 * write; whether only the import record is refreshed (unchanged rows, a new source digest). With the fingerprints,
 * their XOR and the report facts its import record keeps. Parts changed here since the import are not compared, so
 * never undone: only the stored fingerprints (the source's side) are.
 */
const planUsers = (first: string, last: string) => `
INSERT INTO planned_user
SELECT x.id,
       CASE WHEN NOT x.imported THEN 'create' WHEN NOT x.present THEN 'gone' WHEN x.changed THEN 'update'
            ELSE 'unchanged' END,
       x.write_user, x.profile_action,
       x.imported AND x.present AND NOT x.changed AND x.stored_digest IS DISTINCT FROM x.digest,
       x.fingerprints, ${bitsToHexSql("x.xor")}, x.digest, x.report_facts, NULL, NULL
  FROM (
SELECT y.*, y.write_user OR y.account_changes OR y.profile_action IS NOT NULL AS changed
  FROM (
SELECT m.id, m.digest, r.user_id IS NOT NULL AS imported, t.id IS NOT NULL AS present,
       r.source_digest AS stored_digest,
       r.fingerprints ->> 'user' IS DISTINCT FROM m.fingerprint AS write_user,
       pa."userId" IS NOT NULL AS account_changes,
       CASE WHEN r.fingerprints ->> 'profile' IS DISTINCT FROM p.fingerprint
            THEN CASE WHEN p.fingerprint IS NULL THEN 'delete' ELSE 'upsert' END END AS profile_action,
       jsonb_build_object('user', m.fingerprint, 'accounts', coalesce(a.fingerprints, '{}'))
         || CASE WHEN p.fingerprint IS NULL THEN '{}' ELSE jsonb_build_object('profile', p.fingerprint) END
         AS fingerprints,
       ${fingerprintBits("m.fingerprint")} # coalesce(a.xor, 0::bit(128))
         # coalesce(${fingerprintBits("p.fingerprint")}, 0::bit(128)) AS xor,
       jsonb_build_object('sourceCounts', to_jsonb(m.source_counts),
                          'accountProviders', coalesce(to_jsonb(a.providers), '[]'), 'warnings', m.warnings)
         AS report_facts
  FROM mapped_user m
  LEFT JOIN ${importsOf(first, last)} r ON r.user_id = m.id
  LEFT JOIN (SELECT id FROM "user" WHERE id BETWEEN ${first} AND ${last}) t ON t.id = m.id
  LEFT JOIN (SELECT "userId", jsonb_object_agg(key, fingerprint) AS fingerprints,
                    bit_xor(${fingerprintBits("fingerprint")}) AS xor,
                    array_agg("providerId" ORDER BY ${ACCOUNT_ORDER}) AS providers
               FROM mapped_account GROUP BY "userId") a ON a."userId" = m.id
  LEFT JOIN mapped_profile p ON p.user_id = m.id
  LEFT JOIN (SELECT DISTINCT "userId" FROM planned_account) pa ON pa."userId" = m.id
 WHERE m.skip_reason IS NULL
) y) x`;

/**
 * The whole mapping and plan of a batch whose staged users' ids lie between `first` and `last`, as one round trip.
 * The statements join whole staged tables and the batch's id range of the target's tables, by hash (the batch
 * runs with nested loops off: withBatchTransaction, staging.ts). `recordSkips` (a real run) also stores the skip
 * records of the batch's skipped users (RECORD_SKIPS, apply-plan.ts). Its last statement tells whether every planned user is new (apply-plan.ts then uses plain
 * INSERTs).
 */
export function mapAndPlan(
  range: { first: string; last: string },
  collation: string,
  options: { recordSkips: boolean } = { recordSkips: false },
): string {
  const first = `${literal(range.first)}::uuid`;
  const last = `${literal(range.last)}::uuid`;
  return `${mapUsers(collation)};
${MAP_ACCOUNTS};
${MAP_PROFILES};
${planAccounts(first, last)};
${planUsers(first, last)};${
    options.recordSkips
      ? `
${RECORD_SKIPS};`
      : ""
  }
SELECT count(*)::int AS planned, count(*) FILTER (WHERE status <> 'create')::int AS not_new FROM planned_user`;
}
