import { describe, expect, it } from "vitest";
import type { LearnerProfile } from "../../src/lib/learner-profile.js";
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
