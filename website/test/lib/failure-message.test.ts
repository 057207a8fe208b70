import { describe, expect, it } from "vitest";
import { authUnavailableMessage } from "../../src/lib/auth-error-message.js";
import { AuthCallError, authData } from "../../src/lib/auth-result.js";
import { failureMessage } from "../../src/lib/failure-message.js";
import { ProfileApiError } from "../../src/lib/profile-api-error.js";
import { fieldErrorsOf, profileUnavailableMessage } from "../../src/lib/profile-api-error-message.js";

/** What `fetch` throws when the server cannot be reached. */
const networkFailure = () => new TypeError("Failed to fetch");

const profileAnswer = (status: number, body: unknown) =>
  ProfileApiError.fromResponse(new Response(JSON.stringify(body), { status }));

describe("a form's failure in words", () => {
  it("says the account service cannot be reached for a thrown network error, a 5xx and an answerless error alike", () => {
    const expected = authUnavailableMessage();
    expect(failureMessage(networkFailure(), "auth")).toBe(expected);
    expect(failureMessage(new AuthCallError({ status: 502, message: "Bad Gateway" }), "auth")).toBe(expected);
    expect(failureMessage(new AuthCallError({}), "auth")).toBe(expected);
  });

  it("explains a Better Auth error code, and keeps the server's message for an unknown 4xx", () => {
    expect(
      failureMessage(new AuthCallError({ code: "INVALID_EMAIL_OR_PASSWORD", status: 401 }), "auth"),
    ).toBe("That e-mail and password do not match an account. Check both and try again.");
    expect(
      failureMessage(new AuthCallError({ code: "SOMETHING_NEW", status: 400, message: "Nope." }), "auth"),
    ).toBe("Nope.");
    expect(failureMessage(new AuthCallError({ status: 429 }), "auth")).toBe(
      "Too many attempts. Wait a minute, then try again.",
    );
  });

  it("says the profile service is unavailable for a network error, an unreachable API and a database outage", async () => {
    const expected = profileUnavailableMessage();
    expect(failureMessage(networkFailure(), "profile")).toBe(expected);
    expect(failureMessage(ProfileApiError.unavailable(networkFailure()), "profile")).toBe(expected);
    const outage = await profileAnswer(503, {
      error: "database_unavailable",
      message: "down",
      requestId: "r",
    });
    expect(failureMessage(outage, "profile")).toBe(expected);
  });

  it("lists a profile-api validation answer's problems, and puts each next to its field", async () => {
    const refused = await profileAnswer(400, {
      error: "validation_failed",
      message: "The profile is not valid.",
      details: [{ field: "programmingLanguages.3", message: "must be at most 40 characters" }],
    });
    expect(failureMessage(refused, "profile")).toBe(
      "Some answers need fixing: programmingLanguages.3 must be at most 40 characters",
    );
    expect(fieldErrorsOf(refused)).toEqual({ programmingLanguages: "must be at most 40 characters" });
    expect(fieldErrorsOf(networkFailure())).toEqual({});
  });

  it("throws a Better Auth result's error, and passes its data through", () => {
    expect(authData({ data: { token: "t" }, error: null })).toEqual({ token: "t" });
    expect(() => authData({ data: null, error: { code: "INVALID_TOKEN", status: 400 } })).toThrow(
      AuthCallError,
    );
  });
});
