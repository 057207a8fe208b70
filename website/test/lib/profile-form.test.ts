import type { LearnerProfile } from "@textbook/profile-api/contract";
import { describe, expect, it } from "vitest";
import { fromDraft, parseLanguages, toDraft, validateDraft } from "../../src/lib/profile-form.js";

const saved: LearnerProfile = {
  displayName: "Ada",
  avatarUrl: null,
  softwareBackground: "beginner",
  hardwareBackground: null,
  labHardware: null,
  programmingLanguages: ["Python", "C++"],
  roboticsExperience: null,
  learningGoals: "Walk.",
  preferredLanguage: "en",
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};

describe("the profile form", () => {
  it("sends back exactly what it loaded when nothing was edited", () => {
    const { createdAt: _created, updatedAt: _updated, ...input } = saved;
    expect(fromDraft(toDraft(saved))).toEqual(input);
  });

  it("leaves out the null and empty items of a migrated language list, so saving sends a valid list", () => {
    const migrated = { ...saved, programmingLanguages: ["Python", null, "", "C++"] };
    expect(fromDraft(toDraft(migrated)).programmingLanguages).toEqual(["Python", "C++"]);
  });

  it("reads a comma-separated language list without blanks or repeats", () => {
    expect(parseLanguages(" Python, C++ ,, python ,Rust")).toEqual(["Python", "C++", "Rust"]);
  });

  it("turns emptied optional fields into null, not empty strings", () => {
    const input = fromDraft({ ...toDraft(saved), learningGoals: "   ", avatarUrl: "" });
    expect(input.learningGoals).toBeNull();
    expect(input.avatarUrl).toBeNull();
  });

  it("names the field and the rule for each answer the API would refuse", () => {
    const errors = validateDraft({
      ...toDraft(saved),
      displayName: "  ",
      avatarUrl: "http://example.com/me.png",
      programmingLanguages: "x".repeat(41),
      preferredLanguage: "english please",
    });
    expect(errors).toEqual({
      displayName: expect.stringContaining("name"),
      avatarUrl: expect.stringContaining("https://"),
      programmingLanguages: expect.stringContaining("40 characters"),
      preferredLanguage: expect.stringContaining("language tag"),
    });
  });

  // The form once had rules of its own: an avatar was any https:// text and a language tag any letters and
  // subtags, lengths counted UTF-16 units. Each case here is one the API and the form judged differently.
  it("refuses the avatars the API refuses, the form's old rule let through", () => {
    for (const avatarUrl of [
      "https://?size=64",
      "https://example.com/<img>",
      "https://example.com/{id}.png",
      `https://example.com/${"a".repeat(2029)}`,
    ]) {
      expect(validateDraft({ ...toDraft(saved), avatarUrl }), avatarUrl).toEqual({
        avatarUrl: expect.stringContaining("https://"),
      });
    }
  });

  it("refuses the language tags the API refuses, the form's old rule let through", () => {
    for (const preferredLanguage of ["en-abc", "en-US-US", `de-${"abcde-".repeat(6)}abcde`]) {
      expect(validateDraft({ ...toDraft(saved), preferredLanguage }), preferredLanguage).toEqual({
        preferredLanguage: expect.stringContaining("language tag"),
      });
    }
  });

  it("counts a name's length as the API does, so 120 emoji fit and 121 do not", () => {
    expect(validateDraft({ ...toDraft(saved), displayName: "🤖".repeat(120) })).toEqual({});
    expect(validateDraft({ ...toDraft(saved), displayName: "🤖".repeat(121) })).toEqual({
      displayName: expect.stringContaining("120 characters"),
    });
  });

  it("accepts the avatars and language tags the API accepts", () => {
    for (const [avatarUrl, preferredLanguage] of [
      ["https://cdn.example.com:8443/u/1.png?s=64#top", "zh-Hant-TW"],
      ["https://ada@example.com/%E2%9C%93.png", "es-419"],
      [`https://example.com/${"a".repeat(2028)}`, "de-DE-1996"],
    ] as const) {
      expect(validateDraft({ ...toDraft(saved), avatarUrl, preferredLanguage })).toEqual({});
    }
  });

  it("refuses the text the API cannot store, next to its field", () => {
    expect(
      validateDraft({
        ...toDraft(saved),
        learningGoals: "Walk\u0000",
        programmingLanguages: "Python, C\uD800",
      }),
    ).toEqual({
      learningGoals: expect.stringContaining("control characters"),
      programmingLanguages: expect.stringContaining("control characters"),
    });
  });

  it("accepts a complete, valid profile", () => {
    expect(
      validateDraft({
        ...toDraft(saved),
        avatarUrl: "https://example.com/a.png",
        preferredLanguage: "pt-BR",
      }),
    ).toEqual({});
  });
});
