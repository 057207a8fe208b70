import Type from "typebox";
import { ErrorResponse } from "./error.js";

const ERROR_DESCRIPTIONS = {
  400: "validation_failed: the body or a header breaks the rules (see `details`).",
  401: 'unauthorized: no valid access token (`WWW-Authenticate: Bearer error="…"`).',
  404: "profile_not_found: the caller has no profile yet.",
  412: "precondition_failed: `If-Match` / `If-None-Match` does not hold for the stored profile.",
  413: "payload_too_large: the body is over 64 KiB.",
  415: "unsupported_media_type: the body is not in a media type the route takes.",
  422: "progress_limit_reached: the write would keep progress for more than 1,000 chapters; nothing changed.",
  429: "rate_limited: too many requests from this user or address; see `Retry-After`.",
  500: "internal_error: a fault on the server; the cause is in the log under `requestId`.",
  503: "database_unavailable: the database cannot be reached; service_overloaded: the service is shedding load. Retry shortly (`Retry-After` when overloaded).",
} as const;

type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/** The error responses of a route, each in the one error shape and documented. */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]): Record<S, typeof ErrorResponse> {
  const always: ErrorStatus[] = [401, 429, 500, 503];
  return Object.fromEntries(
    [...new Set([...always, ...statuses])].map((status) => [
      status,
      { ...ErrorResponse, description: ERROR_DESCRIPTIONS[status] },
    ]),
  ) as unknown as Record<S, typeof ErrorResponse>;
}

/** A success response: its description and headers documented next to the body schema (@fastify/swagger). */
export function withHeaders<T extends object>(
  schema: T,
  headers: Record<string, string>,
  description: string,
): T {
  return {
    ...schema,
    description,
    headers: Object.fromEntries(
      Object.entries(headers).map(([name, description]) => [name, Type.String({ description })]),
    ),
  };
}

/** A response without a body. */
export function emptyResponse(description: string) {
  return Type.Null({ description });
}
