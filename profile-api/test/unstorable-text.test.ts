import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  json,
  type ProfileApiUnderTest,
  startProfileApiUnderTest,
} from "./helpers/profile-api-under-test.js";

// Generated text PostgreSQL's `text` cannot hold: a NUL or an unpaired UTF-16 surrogate somewhere in otherwise
// ordinary text. (A well-formed string ends on a whole character and cannot start with a low surrogate, so the
// inserted unit never pairs up with its neighbours.)
const unstorableUnit = fc.constantFrom("\u0000", "\ud800", "\udbff", "\udc00", "\udfff");
const ordinaryText = fc.string({ maxLength: 6, unit: "grapheme" });
const unstorableText = fc
  .tuple(ordinaryText, unstorableUnit, ordinaryText)
  .map(([before, unit, after]) => `${before}${unit}${after}`);
const textField = fc.constantFrom(
  "displayName",
  "roboticsExperience",
  "learningGoals",
  "programmingLanguages",
);
// Any UTF-16 code unit at all, lone surrogates and control characters included.
const anyText = fc.string({ minLength: 1, maxLength: 30, unit: "binary" });
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what PostgreSQL text refuses.
const UNSTORABLE = /[\u0000\uD800-\uDFFF]/u;

const PATH = "/v1/profiles/me";

describe("text PostgreSQL cannot store, generated (fast-check)", () => {
  let api: ProfileApiUnderTest;
  let token: string;
  let etag: string | null;
  beforeAll(async () => {
    api = await startProfileApiUnderTest({ PROFILE_API_RATE_LIMIT: "100000" });
    ({ token } = await api.createUser());
    const created = await write("PUT", { displayName: "Ada", programmingLanguages: ["Python"] });
    expect(created.status).toBe(201);
    etag = created.headers.get("etag");
  });
  afterAll(() => api?.close());

  const write = (method: "PUT" | "PATCH", body: Record<string, unknown>) =>
    api.call(PATH, token, { method, body: JSON.stringify(body) });
  const bodyWith = (field: string, value: string) =>
    field === "programmingLanguages"
      ? { displayName: "Ada", programmingLanguages: ["Python", value] }
      : { displayName: "Ada", [field]: value };

  it("refuses a NUL or a lone surrogate in any text field or list item with 400 naming the field", async () => {
    await fc.assert(
      fc.asyncProperty(
        textField,
        unstorableText,
        fc.constantFrom("PUT", "PATCH"),
        async (field, value, method) => {
          const response = await write(method as "PUT" | "PATCH", bodyWith(field, value));
          expect(response.status).toBe(400);
          const error = await json(response);
          expect(error.error).toBe("validation_failed");
          const named = field === "programmingLanguages" ? "body.programmingLanguages.1" : `body.${field}`;
          expect(error.details).toContainEqual({
            field: named,
            message: expect.stringMatching(/cannot be stored/),
          });
        },
      ),
      { numRuns: 120 },
    );
    // Nothing was written by any of them.
    expect((await api.call(PATH, token)).headers.get("etag")).toBe(etag);
  });

  it("answers any text with a 400 or stores it byte for byte, never with a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("roboticsExperience", "learningGoals"),
        anyText,
        async (field, value) => {
          const response = await write("PATCH", { [field]: value });
          if (UNSTORABLE.test(value)) {
            expect(response.status).toBe(400);
            return;
          }
          expect(response.status).toBe(200);
          expect((await json(await api.call(PATH, token)))[field as "learningGoals"]).toBe(value);
        },
      ),
      { numRuns: 120 },
    );
  });
});
