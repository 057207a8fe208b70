import Type from "typebox";
import { Profile } from "./profile.js";
import { ChapterProgress } from "./progress.js";

/** Everything the profile-api holds about the caller (data-protection requests). */
export const PersonalDataExport = Type.Object(
  {
    exportedAt: Type.String({ format: "date-time" }),
    account: Type.Object(
      {
        id: Type.String({ format: "uuid" }),
        email: Type.Optional(Type.String()),
        name: Type.Optional(Type.String()),
        emailVerified: Type.Optional(Type.Boolean()),
      },
      {
        description: "As the auth-server's access token states it; the auth-server holds the account itself.",
      },
    ),
    profile: Type.Union([Profile, Type.Null()], {
      description: "The learner profile, or null if there is none.",
    }),
    progress: Type.Array(ChapterProgress, {
      description: "Reading progress per chapter, the most recently visited first (empty if none).",
    }),
  },
  { title: "PersonalDataExport", additionalProperties: false },
);
