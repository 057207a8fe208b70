import fc from "fast-check";

/** Printable ASCII only: fetch itself refuses other bytes in a header value, so they never reach the server. */
const headerText = fc.string({ maxLength: 200 }).map((text) => text.replace(/[^\x20-\x7e]/g, "").trim());

/** Text PostgreSQL's `text` refuses: a NUL or an unpaired UTF-16 surrogate within ordinary text. */
const unstorableText = fc
  .tuple(
    fc.string({ maxLength: 20, unit: "grapheme" }),
    fc.constantFrom("\u0000", "\ud800", "\udbff", "\udc00", "\udfff"),
    fc.string({ maxLength: 20, unit: "grapheme" }),
  )
  .map(([before, unit, after]) => `${before}${unit}${after}`);

const anyJsonValue = fc.oneof(
  fc.string({ maxLength: 300, unit: "grapheme" }),
  fc.string({ maxLength: 50 }),
  // Any UTF-16 code unit, lone surrogates and NUL included, and text with one of them in it.
  fc.string({ maxLength: 50, unit: "binary" }),
  unstorableText,
  fc.array(fc.oneof(unstorableText, fc.string({ maxLength: 40, unit: "binary" })), { maxLength: 4 }),
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 45, unit: "grapheme" }), { maxLength: 25 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 3 }),
  fc.constantFrom(
    "none",
    "beginner",
    "advanced",
    "https://example.com/a.png",
    "en",
    "ur-PK",
    " ",
    "",
    "x".repeat(4001),
  ),
);

const fieldNames = fc.constantFrom(
  "displayName",
  "avatarUrl",
  "softwareBackground",
  "hardwareBackground",
  "programmingLanguages",
  "roboticsExperience",
  "learningGoals",
  "preferredLanguage",
  "userId",
  "version",
  "__proto__",
  "constructor",
);

/** Profile bodies: mostly near-valid objects with hostile values, sometimes anything JSON or not JSON at all. */
export const hostileProfileBody = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.dictionary(fieldNames, anyJsonValue, { maxKeys: 8 }).map((body) => JSON.stringify(body)),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ displayName: fc.string({ minLength: 1, maxLength: 130, unit: "grapheme" }) })
      .chain((base) =>
        fc
          .dictionary(fieldNames, anyJsonValue, { maxKeys: 4 })
          .map((rest) => JSON.stringify({ ...base, ...rest })),
      ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
);

/** Request heads: method, headers a client controls, and whether to send the learner's valid token. */
export const hostileRequestHead = fc.record({
  method: fc.constantFrom("GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "POST"),
  path: fc.constantFrom(
    "/v1/profiles/me",
    "/v1/me/export",
    "/v1/profiles/me/",
    "/v1/profiles/other",
    "/readyz",
  ),
  authorization: fc.option(
    headerText.map((text) => fc.sample(fc.constantFrom("Bearer ", "bearer ", "Basic ", ""), 1)[0] + text),
  ),
  useValidToken: fc.boolean(),
  contentType: fc.option(
    fc.oneof(
      headerText,
      fc.constantFrom(
        "application/json",
        "application/merge-patch+json",
        "text/plain",
        "application/json; charset=utf-16",
      ),
    ),
  ),
  ifMatch: fc.option(fc.oneof(headerText, fc.constantFrom('"1"', "*", 'W/"1"', '"999999999999999999999"'))),
  origin: fc.option(fc.oneof(headerText, fc.constantFrom("https://evil.example", "null"))),
  body: fc.option(fc.string({ maxLength: 200 })),
});

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** Forged access tokens: headers and claims an attacker may choose, with signatures that are not the issuer's. */
export function forgedToken(realKid: string, realToken: string) {
  const [realHeader = "", realPayload = "", realSignature = ""] = realToken.split(".");
  const header = fc.record(
    {
      alg: fc.constantFrom("none", "HS256", "RS256", "ES256", "PS256", "RS512", ""),
      kid: fc.oneof(fc.constant(realKid), fc.string({ maxLength: 40 })),
      typ: fc.constantFrom("JWT", "at+jwt"),
      jku: fc.constantFrom("https://evil.example/jwks", undefined),
      jwk: fc.constantFrom({ kty: "oct", k: "c2VjcmV0" }, undefined),
    },
    { requiredKeys: ["alg"] },
  );
  const claims = fc.record(
    {
      sub: fc.oneof(fc.uuid(), fc.string({ maxLength: 40 })),
      iss: fc.string({ maxLength: 40 }),
      aud: fc.oneof(fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 })),
      exp: fc.oneof(fc.integer(), fc.constant(Math.floor(Date.now() / 1000) + 600)),
      iat: fc.integer(),
      nbf: fc.integer(),
    },
    { requiredKeys: [] },
  );
  const signature = fc.oneof(
    fc.constant(""),
    fc.constant(realSignature),
    fc.string({ maxLength: 400 }).map((text) => Buffer.from(text).toString("base64url")),
  );
  return fc.oneof(
    fc.tuple(header, claims, signature).map(([h, c, s]) => `${base64url(h)}.${base64url(c)}.${s}`),
    // The real token with one character changed: header, payload or signature.
    fc.tuple(fc.nat(), fc.constantFrom("A", "B", "-", "_", "0")).map(([position, character]) => {
      const token = `${realHeader}.${realPayload}.${realSignature}`;
      const index = position % token.length;
      const changed = token.slice(0, index) + character + token.slice(index + 1);
      return changed === token ? `${token}A` : changed;
    }),
    fc.string({ maxLength: 300 }).map((text) => text.replace(/[^\x21-\x7e]/g, "")),
  );
}
