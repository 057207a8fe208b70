import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { ApiError, type ErrorDetail } from "../errors/api-error.js";
import type { ErrorCode } from "../errors/error-codes.js";
import { isDatabaseUnavailable } from "../plugins/app/database.js";
import { STORABLE_TEXT, UNSTORABLE_TEXT_MESSAGE } from "../schemas/storable-text.js";

/** Sends `error` in the one error shape; 5xx causes go to the log only. */
export function handleError(error: FastifyError | ApiError, request: FastifyRequest, reply: FastifyReply) {
  const apiError = toApiError(error);
  if (apiError.statusCode >= 500) {
    const level = apiError.code === "internal_error" ? "error" : "warn";
    // An ApiError we threw on purpose (load shed) has no cause worth a stack trace in the log.
    request.log[level](error instanceof ApiError ? {} : { err: error }, apiError.message);
  }
  return reply
    .code(apiError.statusCode)
    .headers(apiError.headers)
    .send({
      error: apiError.code,
      message: apiError.message,
      requestId: request.id,
      ...(apiError.details ? { details: apiError.details } : {}),
    });
}

function toApiError(error: FastifyError | ApiError): ApiError {
  if (error instanceof ApiError) return error;
  if (error.validation) {
    return new ApiError(
      "validation_failed",
      "The request is not valid; see details.",
      validationDetails(error),
    );
  }
  if (isDatabaseUnavailable(error)) {
    return new ApiError("database_unavailable", "The database is unavailable; try again shortly.");
  }
  const known = FASTIFY_ERRORS[error.code];
  if (known) return new ApiError(known.code, known.message);
  if (error.statusCode && error.statusCode < 500) return new ApiError("validation_failed", error.message);
  return new ApiError(
    "internal_error",
    "Something went wrong on our side; quote the request id if you report it.",
  );
}

// Fastify's own errors (https://fastify.dev/docs/latest/Reference/Errors/) in the API's words.
const FASTIFY_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "payload_too_large", message: "The body is larger than 64 KiB." },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: "unsupported_media_type",
    message: "Send the body as application/json.",
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: "validation_failed",
    message: "Content-Length does not match the body.",
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: "validation_failed",
    message: "The body is empty; send a JSON object.",
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: "validation_failed", message: "The body is not valid JSON." },
};

function validationDetails(error: FastifyError): ErrorDetail[] {
  const where = error.validationContext ?? "body";
  const details = (error.validation ?? []).flatMap((issue): ErrorDetail[] => {
    const field = `${where}${issue.instancePath.replaceAll("/", ".")}`;
    // TypeBox reports an unknown property twice: as "schema is false" and as additionalProperties; keep the latter.
    if (issue.keyword === "boolean" || issue.keyword === "anyOf") return [];
    if (issue.keyword === "additionalProperties") {
      const names = (issue.params as { additionalProperties?: string[] }).additionalProperties ?? [];
      return names.map((name) => ({ field: `${field}.${name}`, message: "is not a known field" }));
    }
    if (issue.keyword === "enum") {
      const allowed = (issue.params as { allowedValues?: unknown[] }).allowedValues ?? [];
      return [
        { field, message: `must be one of: ${allowed.map((value) => JSON.stringify(value)).join(", ")}` },
      ];
    }
    if (issue.keyword === "format" && (issue.params as { format?: string }).format === STORABLE_TEXT) {
      return [{ field, message: UNSTORABLE_TEXT_MESSAGE }];
    }
    return [{ field, message: issue.message ?? "is not valid" }];
  });
  return details.filter(
    (detail, i) => details.findIndex((d) => d.field === detail.field && d.message === detail.message) === i,
  );
}
