import type { FastifyRequest } from "fastify";
import type { Preconditions } from "../profiles/preconditions.js";

/** The strong entity tag of a profile in `version`. */
export function entityTag(version: number): string {
  return `"${version}"`;
}

// One entity tag of a list (RFC 9110 §8.8.3): optionally weak, then a quoted opaque string.
const ENTITY_TAG = /\s*(W\/)?"([^"]*)"\s*(?:,|$)/gy;

/**
 * The versions an `If-Match` / `If-None-Match` value names, or "*". Weak tags never match a write (strong
 * comparison, RFC 9110 §13.1.1), and a malformed value matches nothing, so the write fails safe with 412.
 */
export function parseEntityTags(value: string): "*" | number[] {
  if (value.trim() === "*") return "*";
  const versions: number[] = [];
  ENTITY_TAG.lastIndex = 0;
  for (let match = ENTITY_TAG.exec(value); match; match = ENTITY_TAG.exec(value)) {
    if (!match[1] && match[2] && /^[1-9][0-9]{0,15}$/.test(match[2])) versions.push(Number(match[2]));
    if (ENTITY_TAG.lastIndex >= value.length) break;
  }
  return versions;
}

/** The write preconditions of a request's conditional headers. */
export function preconditionsOf(request: FastifyRequest): Preconditions {
  const ifMatch = request.headers["if-match"];
  const ifNoneMatch = request.headers["if-none-match"];
  return {
    ...(ifMatch !== undefined ? { ifMatch: parseEntityTags(ifMatch) } : {}),
    ...(ifNoneMatch?.trim() === "*" ? { ifNoneMatch: "*" as const } : {}),
  };
}
