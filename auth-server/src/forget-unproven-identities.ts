import type pg from "pg";

/**
 * After a password reset of an account whose address was never verified, removes its provider identities.
 *
 * Whoever signed in through a provider that did not vouch for the address (the account then gets no session
 * until the address is verified) may not own it. The reset mail reached the real owner, so the reset proves
 * ownership: without this, the owner would set a password, verify the address, and leave the stranger's
 * provider identity able to sign in to their account. The owner can link their own provider afterwards.
 */
export async function forgetUnprovenIdentities(
  pool: pg.Pool,
  user: { id: string; emailVerified: boolean },
): Promise<void> {
  if (user.emailVerified) return;
  await pool.query(`DELETE FROM account WHERE "userId" = $1 AND "providerId" <> 'credential'`, [user.id]);
}
