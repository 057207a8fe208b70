/**
 * The target digest of a user: a 64-bit hash (`hash_record_extended`) of the user's live rows here, from the binary
 * form of the same columns the fingerprints cover (fingerprint.ts): the "user" columns that come from Supabase,
 * every account of the user (combined by count and XOR, so their order does not matter) and its profile.
 *
 * The migration stores it with the import record when it writes a user, and keeps it only while the reconciliation
 * run in the same transaction finds every part of the user exactly as imported (reconcile.ts); a rerun whose live
 * rows still hash to it knows they are unchanged since, and skips comparing them part by part
 * (read-target-state.ts). Two forms compute the same value: one user by key (targetDigest), and every user of an id
 * range by joins (targetDigestsOfRange). Each uses its own aliases (td_*), clear of the statement around it.
 */

const userColumns = (u: string) =>
  `${u}.id, ${u}.name, ${u}.email, ${u}."emailVerified", ${u}.image, ${u}."createdAt", ${u}."updatedAt",
   ${u}.banned, ${u}."banReason", ${u}."banExpires"`;

/** An aggregate over one user's accounts: NULL when it has none. */
const accountsHash = (a: string) =>
  `count(*) || ':' || bit_xor(hash_record_extended(row(${a}."providerId", ${a}."accountId", ${a}.password,
                                                      ${a}."createdAt", ${a}."updatedAt"), 0))`;

const profileHash = (p: string) =>
  `hash_record_extended(row(${p}.display_name, ${p}.avatar_url, ${p}.software_background, ${p}.hardware_background,
                            ${p}.programming_languages, ${p}.robotics_experience, ${p}.learning_goals,
                            ${p}.preferred_language, ${p}.created_at, ${p}.updated_at), 0)`;

const combined = (u: string, accounts: string, profile: string) =>
  `hash_record_extended(row(${userColumns(u)}, ${accounts}, ${profile}), 0)`;

/** A scalar subquery: the target digest of the user whose id is the SQL expression `id`; NULL when it is gone. */
export function targetDigest(id: string): string {
  return `(SELECT ${combined(
    "td_u",
    `(SELECT ${accountsHash("td_a")} FROM account td_a WHERE td_a."userId" = td_u.id)`,
    `(SELECT ${profileHash("td_p")} FROM profile td_p WHERE td_p.user_id = td_u.id)`,
  )}
     FROM "user" td_u WHERE td_u.id = ${id})`;
}

/**
 * A subquery of (id, digest) for every user whose id is between the SQL expressions `first` and `last`: each table's
 * range is read once and joined, cheaper than looking each user up by key (one index descent per user and table).
 * Run it without nested loops (NO_NESTED_LOOPS): PostgreSQL estimates a batch's range at about one row, and a nested
 * loop over such ranges would re-read the accounts' range for every user.
 */
export function targetDigestsOfRange(first: string, last: string): string {
  return `(SELECT td_u.id, ${combined("td_u", "td_a.h", "td_p.h")} AS digest
     FROM "user" td_u
     LEFT JOIN (SELECT "userId", ${accountsHash("account")} AS h FROM account
                 WHERE "userId" BETWEEN ${first} AND ${last} GROUP BY "userId") td_a ON td_a."userId" = td_u.id
     LEFT JOIN (SELECT user_id, ${profileHash("profile")} AS h FROM profile
                 WHERE user_id BETWEEN ${first} AND ${last}) td_p ON td_p.user_id = td_u.id
    WHERE td_u.id BETWEEN ${first} AND ${last})`;
}

/**
 * A subquery of (id, digest) for every user mapped in this batch (the staging tables, staging.ts): the digest its
 * rows have once written as mapped, by the expressions above, over the mapped rows (which have the target tables'
 * column names and types). The migration stores it with the import record instead of reading back the rows it has
 * just written: the reconciliation in the same transaction compares every live part with its mapped row and clears
 * the digest unless all are the same (reconcile.ts). A user with rows here that the import does not know (a login
 * linked here since) then hashes otherwise, is compared part by part on the next rerun, and stored again from its
 * live rows (JUDGE_BATCH_AND_STORE_DIGESTS).
 */
export function targetDigestsOfMapped(): string {
  return `(SELECT td_u.id, ${combined("td_u", "td_a.h", "td_p.h")} AS digest
     FROM mapped_user td_u
     LEFT JOIN (SELECT "userId", ${accountsHash("mapped_account")} AS h FROM mapped_account GROUP BY "userId") td_a
            ON td_a."userId" = td_u.id
     LEFT JOIN (SELECT user_id, ${profileHash("mapped_profile")} AS h FROM mapped_profile) td_p ON td_p.user_id = td_u.id
    WHERE td_u.skip_reason IS NULL)`;
}
