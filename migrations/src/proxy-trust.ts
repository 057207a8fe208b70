/**
 * TRUST_PROXY, read the same way by every service: how many proxies in front of the service may be believed
 * about the client's address. Each trusted proxy appends the address it saw to `X-Forwarded-For`, so with n
 * hops the client is the n-th entry from the right; anything further left was written by the client itself
 * and is ignored. `true` is one hop (a single load balancer), never "believe the whole header", which would let
 * a client pick its own address for rate limits.
 */
export type ProxyTrust = false | number;

const MAX_HOPS = 99;

/** What TRUST_PROXY accepts, worded to follow the variable's name. */
export const PROXY_TRUST_RULE =
  "must be false, true (one proxy hop) or the number of proxy hops in front of the service";

/** Parses TRUST_PROXY (`false`, `true` = 1 hop, or a number of hops); throws a message naming the variable. */
export function parseProxyTrust(value: string | undefined, variable = "TRUST_PROXY"): ProxyTrust {
  const text = value ?? "";
  if (text === "" || text === "false") return false;
  if (text === "true") return 1;
  if (/^\d{1,2}$/.test(text)) {
    const hops = Number(text);
    return hops === 0 ? false : Math.min(hops, MAX_HOPS);
  }
  throw new Error(`${variable} ${PROXY_TRUST_RULE} (got ${JSON.stringify(value)}).`);
}

/**
 * The same setting as a trust function for proxy-addr (Fastify's and Express's `trustProxy`): hop 0 is the
 * socket's peer, hop 1 the last `X-Forwarded-For` entry, and so on; the first untrusted hop is the client.
 */
export function trustsHop(trust: ProxyTrust): (address: string, hop: number) => boolean {
  const hops = trust === false ? 0 : trust;
  return (_address, hop) => hop < hops;
}
