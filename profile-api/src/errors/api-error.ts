import { ERROR_CODES, type ErrorCode } from "./error-codes.js";

/** One field that failed validation, and why. */
export interface ErrorDetail {
  field: string;
  message: string;
}

/** An error meant for the client: its code, status and message are sent as they are. */
export class ApiError extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.statusCode = ERROR_CODES[code];
  }
}
