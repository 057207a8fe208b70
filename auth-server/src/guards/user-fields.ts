import { APIError, createAuthMiddleware } from "better-auth/api";
import { isStorableText } from "./storable-text.js";

const NAME_LENGTH = { min: 1, max: 120 };
const IMAGE_MAX_LENGTH = 2048;
const CONTROL_CHARACTER = /\p{Cc}/u;

/** Better Auth's own answer to a body that fails its schema: 400 `VALIDATION_ERROR`, the field in brackets. */
function invalid(field: string, reason: string): APIError {
  return APIError.from("BAD_REQUEST", { code: "VALIDATION_ERROR", message: `[body.${field}] ${reason}` });
}

/** The name to store: trimmed, 1–120 characters, no control characters; throws a 400 naming the field. */
function checkedName(value: unknown): string {
  if (typeof value !== "string") throw invalid("name", "must be a string");
  const name = value.trim();
  const length = [...name].length;
  if (length < NAME_LENGTH.min || length > NAME_LENGTH.max) {
    throw invalid("name", `must be ${NAME_LENGTH.min}–${NAME_LENGTH.max} characters after trimming`);
  }
  if (CONTROL_CHARACTER.test(name)) throw invalid("name", "must not contain control characters");
  return name;
}

function checkImage(value: unknown): void {
  if (value === undefined || value === null) return;
  const https =
    typeof value === "string" &&
    value.length <= IMAGE_MAX_LENGTH &&
    !/\s/.test(value) &&
    URL.canParse(value) &&
    new URL(value).protocol === "https:";
  if (!https)
    throw invalid("image", `must be an https URL of at most ${IMAGE_MAX_LENGTH} characters, or null`);
}

/**
 * Before sign-up and update-user: every text field PostgreSQL can store as sent, `name` within its bounds (and
 * stored trimmed), `image` an https URL or null. Better Auth checks none of this; a NUL would reach the INSERT
 * and come back as a 5xx. Contract: docs/architecture.md, "Limits and hostile input".
 */
export const validateUserFields = createAuthMiddleware(async (ctx) => {
  const body = ctx.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== "object") return;
  for (const [field, value] of Object.entries(body)) {
    if (typeof value === "string" && !isStorableText(value)) {
      throw invalid(field, "contains a character that cannot be stored (NUL or a lone UTF-16 surrogate)");
    }
  }
  checkImage(body.image);
  if (ctx.path === "/update-user" && body.name === undefined) return;
  return { context: { body: { ...body, name: checkedName(body.name) } } };
});

/** The routes whose body becomes a user row. */
export const USER_FIELD_PATHS = new Set(["/sign-up/email", "/update-user"]);
