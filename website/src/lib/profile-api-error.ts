import { translate } from "@docusaurus/Translate";
import type { ApiErrorBody } from "@textbook/profile-api/contract";

/** One failed field of a `validation_failed` answer. */
export type FieldProblem = NonNullable<ApiErrorBody["details"]>[number];

/**
 * An error answer of the profile-api, in its contract's shape (`{ error, message, requestId, details }`), or
 * `service_unavailable` when it could not be reached at all.
 */
export class ProfileApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
    this.name = "ProfileApiError";
  }

  /** Builds the error from a non-2xx response, tolerating bodies that are not the contract's shape. */
  static async fromResponse(response: Response): Promise<ProfileApiError> {
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    const code = typeof body.error === "string" ? body.error : `http_${response.status}`;
    const message =
      typeof body.message === "string"
        ? body.message
        : translate(
            { id: "profile.error.answered", message: "The profile service answered {status}." },
            { status: response.status },
          );
    return new ProfileApiError(response.status, code, message, readDetails(body.details));
  }

  /** The profile-api could not be reached at all (down, or the network is); `cause` is the thrown error. */
  static unavailable(cause: unknown): ProfileApiError {
    const message = translate({
      id: "profile.error.unreachable",
      message: "The profile service cannot be reached.",
    });
    const error = new ProfileApiError(0, "service_unavailable", message);
    error.cause = cause;
    return error;
  }
}

function readDetails(details: unknown): FieldProblem[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const { field, message, path } = item as Record<string, unknown>;
    const name = typeof field === "string" ? field : typeof path === "string" ? path.replace(/^\//, "") : "";
    return typeof message === "string" ? [{ field: name, message }] : [];
  });
}
