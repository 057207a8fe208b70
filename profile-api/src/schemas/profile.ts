import Type, { type Static } from "typebox";
import {
  BACKGROUND_LEVELS,
  type BackgroundLevel,
  LAB_HARDWARE,
  type LabHardware,
  type ProfileField,
} from "../contract/learner-profile.js";
import {
  AVATAR_URL_PATTERN,
  DISPLAY_NAME_PATTERN,
  LANGUAGE_TAG_PATTERN,
  PROFILE_LIMITS,
} from "../contract/profile-rules.js";
import { StorableText } from "./storable-text.js";

// One `enum`, not a union of literals: a wrong value then gets one error that lists the allowed values.
// (TypeBox's Enum takes no null, hence Unsafe with the type spelled out.)
const Level = (description: string) =>
  Type.Unsafe<BackgroundLevel | null>({ enum: [...BACKGROUND_LEVELS, null], description });

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T, description: string) =>
  Type.Union([schema, Type.Null()], { description });

const limits = PROFILE_LIMITS;

/** The writable fields and their bounds, from the contract (docs/architecture.md, "Learner profile"). */
const fields = {
  displayName: StorableText({
    minLength: 1,
    maxLength: limits.displayNameMaxLength,
    pattern: DISPLAY_NAME_PATTERN,
    description: `1–${limits.displayNameMaxLength} characters; stored without surrounding spaces.`,
  }),
  avatarUrl: Nullable(
    Type.String({ format: "uri", pattern: AVATAR_URL_PATTERN, maxLength: limits.avatarUrlMaxLength }),
    `An https URL of at most ${limits.avatarUrlMaxLength} characters, or null.`,
  ),
  softwareBackground: Level("Drives personalisation of the software chapters."),
  hardwareBackground: Level(
    "Kept for older clients: the hardware chapters' primers, and the labs while `labHardware` is null.",
  ),
  labHardware: Nullable(
    Type.Array(Type.Unsafe<LabHardware>({ enum: [...LAB_HARDWARE] }), {
      uniqueItems: true,
      maxItems: LAB_HARDWARE.length,
    }),
    "What the learner can run labs on: `simulation` (a computer), `gpu` (a GPU workstation or a Jetson), `robot` (a real robot or kit); several may apply, null if not answered. `robot` adds the real-robot lab variants.",
  ),
  programmingLanguages: Type.Array(
    StorableText({ minLength: 1, maxLength: limits.programmingLanguageMaxLength }),
    {
      maxItems: limits.programmingLanguagesMaxItems,
      uniqueItems: true,
      description: `At most ${limits.programmingLanguagesMaxItems} distinct entries of 1–${limits.programmingLanguageMaxLength} characters.`,
    },
  ),
  roboticsExperience: Nullable(
    StorableText({ maxLength: limits.freeTextMaxLength }),
    `Free text, at most ${limits.freeTextMaxLength} characters.`,
  ),
  learningGoals: Nullable(
    StorableText({ maxLength: limits.freeTextMaxLength }),
    `Free text, at most ${limits.freeTextMaxLength} characters.`,
  ),
  preferredLanguage: Type.String({
    pattern: LANGUAGE_TAG_PATTERN,
    maxLength: limits.preferredLanguageMaxLength,
    description: "BCP 47 language tag such as `en` or `ur`.",
  }),
} satisfies Record<ProfileField, unknown>;

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
    softwareBackground: Type.Unsafe<BackgroundLevel | null>({
      type: ["string", "null"],
      enum: [...BACKGROUND_LEVELS, null],
    }),
    hardwareBackground: Type.Unsafe<BackgroundLevel | null>({
      type: ["string", "null"],
      enum: [...BACKGROUND_LEVELS, null],
    }),
    labHardware: Type.Unsafe<LabHardware[] | null>({
      type: ["array", "null"],
      items: { type: "string", enum: [...LAB_HARDWARE] },
    }),
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
