import Type from "typebox";

/** The one error body of the API (docs/architecture.md). */
export const ErrorResponse = Type.Object(
  {
    error: Type.String({ description: "Stable snake_case code (README.md lists them); never renamed." }),
    message: Type.String({ description: "For a person; may change." }),
    requestId: Type.String({ description: "Quote it when reporting a problem; the logs carry the same id." }),
    details: Type.Optional(
      Type.Array(
        Type.Object({ field: Type.String(), message: Type.String() }, { additionalProperties: false }),
        { description: "Validation failures: which field and why." },
      ),
    ),
  },
  { title: "Error", additionalProperties: false },
);
