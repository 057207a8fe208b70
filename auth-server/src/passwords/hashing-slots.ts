import { availableParallelism } from "node:os";
import pLimit from "p-limit";

// Each scrypt derivation or bcrypt verification keeps a core busy for ~50-100 ms. Running at most (cores - 1) of
// them, and never all four threads of libuv's pool, leaves a core for the event loop (get-session stays fast
// during a sign-in burst) and a pool thread for DNS and file work; the rest wait in this queue instead of in
// libuv's.
const limit = pLimit(Math.max(1, Math.min(availableParallelism() - 1, 3)));

/** Runs one password hash computation (scrypt or bcrypt, on libuv's pool) when a slot is free. */
export function inHashingSlot<T>(work: () => Promise<T>): Promise<T> {
  return limit(work);
}
