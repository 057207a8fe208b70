import Type from "typebox";

/** Conditional-request headers a route honours (RFC 9110 §13.1). */
export const ConditionalHeaders = Type.Object({
  "if-match": Type.Optional(
    Type.String({
      maxLength: 1024,
      description: 'Write only if the stored profile still has this ETag (e.g. `"3"`) or, with `*`, exists.',
    }),
  ),
  "if-none-match": Type.Optional(
    Type.String({
      maxLength: 1024,
      description: "`*` on PUT: create only. An ETag on GET: 304 when it is still current.",
    }),
  ),
});
