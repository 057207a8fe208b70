import Type, { type Static } from "typebox";
import { StorableText } from "./storable-text.js";

const BACKGROUND_LEVELS = ["none", "beginner", "intermediate", "advanced"] as const;

// One `enum`, not a union of literals: a wrong value then gets one error that lists the allowed values.
// (TypeBox's Enum takes no null, hence Unsafe with the type spelled out.)
const Level = (description: string) =>
  Type.Unsafe<(typeof BACKGROUND_LEVELS)[number] | null>({ enum: [...BACKGROUND_LEVELS, null], description });

/** What a learner can run the labs on (several may apply); the simulation lab is shown to everyone regardless. */
export const LAB_HARDWARE = ["simulation", "gpu", "robot"] as const;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T, description: string) =>
  Type.Union([schema, Type.Null()], { description });

/** The writable fields and their bounds (docs/architecture.md, "Learner profile"). */
const fields = {
  displayName: StorableText({
    minLength: 1,
    maxLength: 120,
    // At least one non-space character: the name is stored trimmed and must not end up empty.
    pattern: "\\S",
    description: "1–120 characters; stored without surrounding spaces.",
  }),
  avatarUrl: Nullable(
    Type.String({ format: "uri", pattern: "^https://[^/?#\\s]+([/?#]\\S*)?$", maxLength: 2048 }),
    "An https URL of at most 2048 characters, or null.",
  ),
  softwareBackground: Level("Drives personalisation of the software chapters."),
  hardwareBackground: Level(
    "Kept for older clients: the hardware chapters' primers, and the labs while `labHardware` is null.",
  ),
  labHardware: Nullable(
    Type.Array(Type.Unsafe<(typeof LAB_HARDWARE)[number]>({ enum: [...LAB_HARDWARE] }), {
      uniqueItems: true,
      maxItems: LAB_HARDWARE.length,
    }),
    "What the learner can run labs on: `simulation` (a computer), `gpu` (a GPU workstation or a Jetson), `robot` (a real robot or kit); several may apply, null if not answered. `robot` adds the real-robot lab variants.",
  ),
  programmingLanguages: Type.Array(StorableText({ minLength: 1, maxLength: 40 }), {
    maxItems: 20,
    uniqueItems: true,
    description: "At most 20 distinct entries of 1–40 characters.",
  }),
  roboticsExperience: Nullable(StorableText({ maxLength: 4000 }), "Free text, at most 4000 characters."),
  learningGoals: Nullable(StorableText({ maxLength: 4000 }), "Free text, at most 4000 characters."),
  preferredLanguage: Type.String({
    // A well-formed BCP 47 tag: language, optional script, region and variants (RFC 5646 §2.1).
    pattern:
      "^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$",
    maxLength: 35,
    description: "BCP 47 language tag such as `en` or `ur`.",
  }),
};

// Every field but the display name may be left out of a PUT; a PATCH may leave out all of them.
const optionalFields = {
  avatarUrl: Type.Optional(fields.avatarUrl),
  softwareBackground: Type.Optional(fields.softwareBackground),
  hardwareBackground: Type.Optional(fields.hardwareBackground),
  labHardware: Type.Optional(fields.labHardware),
  programmingLanguages: Type.Optional(fields.programmingLanguages),
  roboticsExperience: Type.Optional(fields.roboticsExperience),
  learningGoals: Type.Optional(fields.learningGoals),
  preferredLanguage: Type.Optional(fields.preferredLanguage),
};

/** PUT body: a whole profile; omitted optional fields take their defaults. */
export const ProfileReplacement = Type.Object(
  { displayName: fields.displayName, ...optionalFields },
  { title: "ProfileReplacement", additionalProperties: false },
);
export type ProfileReplacement = Static<typeof ProfileReplacement>;

/** PATCH body: a JSON Merge Patch (RFC 7396); `null` clears a nullable field. */
export const ProfilePatch = Type.Object(
  { displayName: Type.Optional(fields.displayName), ...optionalFields },
  { title: "ProfilePatch", additionalProperties: false },
);
export type ProfilePatch = Static<typeof ProfilePatch>;

// Response schemas use JSON Schema type lists rather than anyOf: fast-json-stringify serialises them without
// running a validator per field, which matters on the hottest route.
const nullableString = (extra: Record<string, unknown> = {}) =>
  Type.Unsafe<string | null>({ type: ["string", "null"], ...extra });

/** A stored profile as the API returns it. */
export const Profile = Type.Object(
  {
    displayName: Type.String(),
    avatarUrl: nullableString(),
    softwareBackground: nullableString({ enum: [...BACKGROUND_LEVELS, null] }),
    hardwareBackground: nullableString({ enum: [...BACKGROUND_LEVELS, null] }),
    labHardware: Type.Unsafe<string[] | null>({ type: ["array", "null"], items: { type: "string" } }),
    programmingLanguages: Type.Array(
      nullableString({
        description:
          "null only for an empty item of a list migrated from Supabase; the API never writes one.",
      }),
    ),
    roboticsExperience: nullableString(),
    learningGoals: nullableString(),
    preferredLanguage: Type.String(),
    createdAt: Type.String({ format: "date-time" }),
    updatedAt: Type.String({ format: "date-time" }),
  },
  { title: "Profile", additionalProperties: false },
);
export type Profile = Static<typeof Profile>;
