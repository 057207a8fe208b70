import { randomUUID } from "node:crypto";

/** The response header that carries a request's id, in both services. */
export const REQUEST_ID_HEADER = "X-Request-Id";

/**
 * A new request id. Both services make their own for every request and never adopt one a client sends: the id
 * in an error body is what a learner quotes, and an operator must find exactly that request's log lines under it.
 * A client-chosen id could repeat another request's id, or one of someone else's, and send that search astray.
 */
export function newRequestId(): string {
  return randomUUID();
}
