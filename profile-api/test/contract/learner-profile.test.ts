import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKGROUND_LEVELS, LAB_HARDWARE } from "../../src/contract/learner-profile.js";
import {
  isAvatarUrl,
  isLanguageTag,
  isStorableText,
  PROFILE_LIMITS,
  textLength,
} from "../../src/contract/profile-rules.js";
import { type ProfileApiUnderTest, startProfileApiUnderTest } from "../helpers/profile-api-under-test.js";

// Clients check these rules before sending (the website's profile form does): each case says what the API does
// with the value, and both the contract's rule and the running API must say the same.
const AVATARS: [url: string, accepted: boolean][] = [
  ["https://example.com/a.png", true],
  ["https://example.com", true],
  ["https://cdn.example.com:8443/u/1?s=64#top", true],
  ["https://ada@example.com/a.png", true],
  ["https://example.com/%E2%9C%93.png", true],
  [`https://example.com/${"a".repeat(PROFILE_LIMITS.avatarUrlMaxLength - 20)}`, true],
  [`https://example.com/${"a".repeat(PROFILE_LIMITS.avatarUrlMaxLength - 19)}`, false],
  ["http://example.com/a.png", false],
  ["HTTPS://example.com/a.png", false],
  ["https://", false],
  ["https:///a.png", false],
  ["https://?size=64", false],
  ["https://example.com/a b.png", false],
  ["https://example.com/<img>", false],
  ['https://example.com/a"b', false],
  ["https://example.com/{id}.png", false],
  ["https://example.com/100%.png", false],
  ["https://example.com/ä.png", false],
  ["javascript:alert(1)", false],
];

const LANGUAGE_TAGS: [tag: string, accepted: boolean][] = [
  ["en", true],
  ["ur", true],
  ["pt-BR", true],
  ["zh-Hant-TW", true],
  ["es-419", true],
  ["de-DE-1996", true],
  ["sl-rozaj", true],
  ["e", false],
  ["english", false],
  ["en-abc", false],
  ["en-US-US", false],
  ["en_US", false],
  ["en-", false],
  [`de-${"abcde-".repeat(6)}abcde`, false],
];

describe("the learner-profile contract", () => {
  let api: ProfileApiUnderTest;
  let token: string;
  const put = (body: Record<string, unknown>) =>
    api.call("/v1/profiles/me", token, {
      method: "PUT",
      body: JSON.stringify({ displayName: "Ada", ...body }),
    });
  beforeAll(async () => {
    api = await startProfileApiUnderTest();
    ({ token } = await api.createUser());
    // Created once here, so every accepted PUT below replaces it: 200.
    expect((await put({})).status).toBe(201);
  });
  afterAll(() => api?.close());

  it.each(AVATARS)("says whether the API takes the avatar %s (%s)", async (url, accepted) => {
    expect(isAvatarUrl(url)).toBe(accepted);
    expect((await put({ avatarUrl: url })).status).toBe(accepted ? 200 : 400);
  });

  it.each(LANGUAGE_TAGS)("says whether the API takes the language tag %s (%s)", async (tag, accepted) => {
    expect(isLanguageTag(tag)).toBe(accepted);
    expect((await put({ preferredLanguage: tag })).status).toBe(accepted ? 200 : 400);
  });

  it("counts lengths in code points, as the API does: 120 emoji make a name of the longest length", async () => {
    const longest = "🤖".repeat(PROFILE_LIMITS.displayNameMaxLength);
    expect(textLength(longest)).toBe(PROFILE_LIMITS.displayNameMaxLength);
    expect((await put({ displayName: longest })).status).toBe(200);
    expect((await put({ displayName: `${longest}🤖` })).status).toBe(400);
  });

  it("refuses the text PostgreSQL cannot store, and keeps emoji", async () => {
    for (const [text, storable] of [
      ["Ada\u0000", false],
      ["Ada\uD83E", false],
      ["Ada 🤖", true],
    ] as const) {
      expect(isStorableText(text)).toBe(storable);
      expect((await put({ roboticsExperience: text })).status).toBe(storable ? 200 : 400);
    }
  });

  // SQL keeps its own copy of the levels and the lab hardware (CHECKs of migrations 0002 and 0009, which are never
  // edited): this holds them to the contract.
  it("has the database accept exactly the contract's levels and lab hardware", async () => {
    const { id } = await api.createUser();
    await api.query(`INSERT INTO profile (user_id, display_name) VALUES ($1, 'Ada')`, [id]);
    const set = (column: string, value: unknown) =>
      api.query(`UPDATE profile SET ${column} = $2 WHERE user_id = $1`, [id, value]);
    for (const level of BACKGROUND_LEVELS) {
      await set("software_background", level);
      await set("hardware_background", level);
    }
    await set("lab_hardware", [...LAB_HARDWARE]);
    await expect(set("software_background", "expert")).rejects.toMatchObject({ code: "23514" });
    await expect(set("hardware_background", "expert")).rejects.toMatchObject({ code: "23514" });
    await expect(set("lab_hardware", ["simulation", "laptop"])).rejects.toMatchObject({ code: "23514" });
  });
});
