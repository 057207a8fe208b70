/**
 * SQL for the target digest of the user whose id is the SQL expression `id`: a 64-bit hash (`hash_record_extended`)
 * of the user's live rows here, from the binary form of the same columns the fingerprints cover (fingerprint.ts):
 * the "user" columns that come from Supabase, every account of the user (combined by count and XOR, so their order
 * does not matter) and its profile. NULL when the user is gone.
 *
 * The migration stores it with the import record when it writes a user, and keeps it only while the reconciliation
 * run in the same transaction finds every part of the user exactly as imported (reconcile.ts); a rerun whose live
 * rows still hash to it knows they are unchanged since, and skips comparing them part by part
 * (read-target-state.ts). Hashing the rows' binary form costs about a fifth of rebuilding and hashing their
 * canonical text (BENCHMARKS.md). Its own aliases (td_*) keep it clear of the statement it is pasted into.
 */
export function targetDigest(id: string): string {
  return `(SELECT hash_record_extended(row(
            td_u.id, td_u.name, td_u.email, td_u."emailVerified", td_u.image, td_u."createdAt", td_u."updatedAt",
            td_u.banned, td_u."banReason", td_u."banExpires",
            (SELECT count(*) || ':' || bit_xor(hash_record_extended(row(td_a."providerId", td_a."accountId",
                                                                        td_a.password, td_a."createdAt",
                                                                        td_a."updatedAt"), 0))
               FROM account td_a WHERE td_a."userId" = td_u.id),
            (SELECT hash_record_extended(row(td_p.display_name, td_p.avatar_url, td_p.software_background,
                                             td_p.hardware_background, td_p.programming_languages,
                                             td_p.robotics_experience, td_p.learning_goals, td_p.preferred_language,
                                             td_p.created_at, td_p.updated_at), 0)
               FROM profile td_p WHERE td_p.user_id = td_u.id)), 0)
     FROM "user" td_u WHERE td_u.id = ${id})`;
}
