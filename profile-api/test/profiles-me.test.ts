import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  json,
  type ProfileApiUnderTest,
  startProfileApiUnderTest,
} from "./helpers/profile-api-under-test.js";

let api: ProfileApiUnderTest;
beforeAll(async () => {
  api = await startProfileApiUnderTest();
});
afterAll(() => api?.close());

const PATH = "/v1/profiles/me";
const put = (token: string, body: unknown, headers: Record<string, string> = {}) =>
  api.call(PATH, token, { method: "PUT", body: JSON.stringify(body), headers });
const patch = (token: string, body: unknown, headers: Record<string, string> = {}) =>
  api.call(PATH, token, {
    method: "PATCH",
    body: JSON.stringify(body),
    headers: { "content-type": "application/merge-patch+json", ...headers },
  });
const remove = (token: string, headers: Record<string, string> = {}) =>
  api.call(PATH, token, { method: "DELETE", headers });

/** A strong ETag as the API sends it: a quoted version number. */
const ETAG = /^"[1-9][0-9]*"$/;

async function userWithProfile(body: Record<string, unknown> = { displayName: "Ada" }) {
  const user = await api.createUser();
  const response = await put(user.token, body);
  expect(response.status).toBe(201);
  const etag = response.headers.get("etag") ?? "";
  expect(etag).toMatch(ETAG);
  return { ...user, etag };
}

describe("reading and writing the caller's profile", () => {
  it("creates a profile with PUT (201), then reads it back with the same ETag", async () => {
    const { token } = await api.createUser();
    const created = await put(token, { displayName: "Ada", softwareBackground: "advanced" });
    expect(created.status).toBe(201);
    expect(created.headers.get("etag")).toMatch(ETAG);
    expect(created.headers.get("location")).toBe(PATH);
    const read = await api.call(PATH, token);
    expect(read.status).toBe(200);
    expect(read.headers.get("etag")).toBe(created.headers.get("etag"));
    const profile = await json(read);
    expect(profile).toEqual({
      displayName: "Ada",
      avatarUrl: null,
      softwareBackground: "advanced",
      hardwareBackground: null,
      labHardware: null,
      programmingLanguages: [],
      roboticsExperience: null,
      learningGoals: null,
      preferredLanguage: "en",
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(new Date(String(profile.createdAt)).toISOString()).toBe(profile.createdAt);
  });

  it("answers 404 profile_not_found to a user who has no profile yet", async () => {
    const { token } = await api.createUser();
    const response = await api.call(PATH, token);
    expect(response.status).toBe(404);
    expect(await json(response)).toEqual({
      error: "profile_not_found",
      message: expect.any(String),
      requestId: response.headers.get("x-request-id"),
    });
  });

  it("replaces the whole profile with a second PUT (200), resetting fields left out", async () => {
    const { token, etag } = await userWithProfile({
      displayName: "Ada",
      learningGoals: "walk",
      hardwareBackground: "none",
    });
    const replaced = await put(token, { displayName: "Ada L." });
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get("etag")).toMatch(ETAG);
    expect(replaced.headers.get("etag")).not.toBe(etag);
    expect(await json(replaced)).toMatchObject({
      displayName: "Ada L.",
      learningGoals: null,
      hardwareBackground: null,
    });
  });

  it("stores what the learner can run labs on, several choices at once, and refuses a choice it does not know", async () => {
    const { token } = await userWithProfile({ displayName: "Ada", labHardware: ["simulation", "robot"] });
    expect(await json(await api.call(PATH, token))).toMatchObject({ labHardware: ["simulation", "robot"] });
    const patched = await patch(token, { labHardware: ["gpu"] });
    expect(await json(patched)).toMatchObject({ labHardware: ["gpu"] });
    const refused = await patch(token, { labHardware: ["spaceship"] });
    expect(refused.status).toBe(400);
    expect(await json(refused)).toMatchObject({ error: "validation_failed" });
    expect(await json(await api.call(PATH, token))).toMatchObject({ labHardware: ["gpu"] });
  });

  it("stores the display name without surrounding spaces", async () => {
    const { token } = await api.createUser();
    const response = await put(token, { displayName: "  Grace  " });
    expect((await json(response)).displayName).toBe("Grace");
  });

  it("changes only the fields a merge patch names, and clears a field sent as null", async () => {
    const { token, etag } = await userWithProfile({
      displayName: "Ada",
      learningGoals: "balance",
      programmingLanguages: ["Python"],
      softwareBackground: "beginner",
    });
    const response = await patch(token, { learningGoals: null, softwareBackground: "intermediate" });
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toMatch(ETAG);
    expect(response.headers.get("etag")).not.toBe(etag);
    expect(await json(response)).toMatchObject({
      displayName: "Ada",
      learningGoals: null,
      programmingLanguages: ["Python"],
      softwareBackground: "intermediate",
    });
  });

  it("takes a merge patch sent as application/json too", async () => {
    const { token } = await userWithProfile();
    const response = await patch(token, { preferredLanguage: "ur" }, { "content-type": "application/json" });
    expect(response.status).toBe(200);
    expect((await json(response)).preferredLanguage).toBe("ur");
  });

  it("treats an empty merge patch as a no-op that keeps the version", async () => {
    const { token, etag } = await userWithProfile({ displayName: "Ada" });
    const response = await patch(token, {});
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe(etag);
    expect((await json(response)).displayName).toBe("Ada");
  });

  it("answers a HEAD request only with a valid token", async () => {
    const { token, etag } = await userWithProfile();
    expect((await api.call(PATH, undefined, { method: "HEAD" })).status).toBe(401);
    const head = await api.call(PATH, token, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBe(etag);
  });

  it("answers 404 to a merge patch when there is no profile", async () => {
    const { token } = await api.createUser();
    const response = await patch(token, { displayName: "Nobody" });
    expect(response.status).toBe(404);
    expect((await json(response)).error).toBe("profile_not_found");
  });

  it("refuses null for a field that cannot be empty", async () => {
    const { token } = await userWithProfile();
    const response = await patch(token, { displayName: null });
    expect(response.status).toBe(400);
    expect((await json(response)).details).toContainEqual({
      field: "body.displayName",
      message: expect.any(String),
    });
  });

  it("deletes the profile (204), after which it is gone", async () => {
    const { token } = await userWithProfile();
    expect((await remove(token)).status).toBe(204);
    expect((await api.call(PATH, token)).status).toBe(404);
    expect((await remove(token)).status).toBe(404);
  });

  it("answers 401 to a write whose token outlived its deleted account, and the profile went with it", async () => {
    const { id, token } = await userWithProfile();
    await api.query(`DELETE FROM "user" WHERE id = $1`, [id]);
    expect((await api.call(PATH, token)).status).toBe(404);
    const write = await put(token, { displayName: "Ghost" });
    expect(write.status).toBe(401);
    expect(write.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
  });

  it("marks every answer as private to the caller", async () => {
    const { token } = await userWithProfile();
    expect((await api.call(PATH, token)).headers.get("cache-control")).toBe("private, no-cache");
  });
});

describe("ETag and If-Match", () => {
  it("writes when If-Match names the current version", async () => {
    const { token, etag } = await userWithProfile();
    const response = await patch(token, { learningGoals: "grasp" }, { "if-match": etag });
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toMatch(ETAG);
    expect(response.headers.get("etag")).not.toBe(etag);
  });

  it("refuses a PUT, PATCH or DELETE whose If-Match is stale with 412, changing nothing", async () => {
    const { token, etag } = await userWithProfile();
    const current = (await patch(token, { learningGoals: "first" })).headers.get("etag");
    const stale = { "if-match": etag };
    for (const response of [
      await put(token, { displayName: "Lost update" }, stale),
      await patch(token, { learningGoals: "lost" }, stale),
      await remove(token, stale),
    ]) {
      expect(response.status).toBe(412);
      expect((await json(response)).error).toBe("precondition_failed");
    }
    const read = await api.call(PATH, token);
    expect(read.headers.get("etag")).toBe(current);
    expect((await json(read)).learningGoals).toBe("first");
  });

  it("accepts any of several ETags and refuses a weak one", async () => {
    const { token, etag } = await userWithProfile();
    const written = await patch(token, { learningGoals: "a" }, { "if-match": `"7", ${etag}` });
    expect(written.status).toBe(200);
    const weak = `W/${written.headers.get("etag")}`;
    expect((await patch(token, { learningGoals: "b" }, { "if-match": weak })).status).toBe(412);
    expect((await patch(token, { learningGoals: "b" }, { "if-match": "garbage" })).status).toBe(412);
  });

  it("treats If-Match on a missing profile as failed: PUT does not create it", async () => {
    const { token } = await api.createUser();
    expect((await put(token, { displayName: "Ada" }, { "if-match": "*" })).status).toBe(412);
    expect((await api.call(PATH, token)).status).toBe(404);
  });

  it("creates only when asked with If-None-Match: *", async () => {
    const { token } = await api.createUser();
    expect((await put(token, { displayName: "First" }, { "if-none-match": "*" })).status).toBe(201);
    expect((await put(token, { displayName: "Second" }, { "if-none-match": "*" })).status).toBe(412);
    expect((await json(await api.call(PATH, token))).displayName).toBe("First");
  });

  it("answers 304 to a read whose If-None-Match is current", async () => {
    const { token, etag } = await userWithProfile();
    const response = await api.call(PATH, token, { headers: { "if-none-match": etag } });
    expect(response.status).toBe(304);
    expect(response.headers.get("etag")).toBe(etag);
  });

  it("lets exactly one of two writers holding the same ETag win", async () => {
    const { token, etag } = await userWithProfile();
    const statuses = await Promise.all(
      ["one", "two"].map(
        async (goal) => (await patch(token, { learningGoals: goal }, { "if-match": etag })).status,
      ),
    );
    expect(statuses.sort()).toEqual([200, 412]);
  });

  it("never gives a profile created again an ETag of its deleted predecessor, so an old If-Match fails", async () => {
    const { token, etag } = await userWithProfile({ displayName: "First life" });
    expect((await remove(token)).status).toBe(204);
    const created = await put(token, { displayName: "Second life" });
    expect(created.status).toBe(201);
    expect(created.headers.get("etag")).not.toBe(etag);
    const readBeforeDeletion = { "if-match": etag };
    for (const response of [
      await patch(token, { learningGoals: "meant for the first life" }, readBeforeDeletion),
      await put(token, { displayName: "Meant for the first life" }, readBeforeDeletion),
      await remove(token, readBeforeDeletion),
    ]) {
      expect(response.status).toBe(412);
    }
    const read = await api.call(PATH, token, { headers: { "if-none-match": etag } });
    expect(read.status).toBe(200);
    expect(await json(read)).toMatchObject({ displayName: "Second life", learningGoals: null });
  });
});

describe("text comes back byte for byte", () => {
  const texts = [
    `She said "hi" and left \\ a backslash`,
    "Robots 🤖🦾 and 👩🏽‍🔬",
    "روبوٹکس کا تجربہ",
    "'); DROP TABLE profile;--",
    "line one\nline two\ttab",
  ];

  it.each(texts)("keeps %j unchanged", async (text) => {
    const { token } = await api.createUser();
    await put(token, {
      displayName: text.trim().slice(0, 120),
      roboticsExperience: text,
      learningGoals: text,
      programmingLanguages: [text.slice(0, 40)],
    });
    const profile = await json(await api.call(PATH, token));
    expect(profile.roboticsExperience).toBe(text);
    expect(profile.learningGoals).toBe(text);
    expect(profile.displayName).toBe(text.trim().slice(0, 120));
    expect(profile.programmingLanguages).toEqual([text.slice(0, 40)]);
  });

  it("serves a NULL item of a language list migrated from Supabase as null, not as an empty string", async () => {
    const { id, token } = await api.createUser();
    await api.query(
      `INSERT INTO profile (user_id, display_name, programming_languages) VALUES ($1, 'Migrated', $2)`,
      [id, ["Python", null, ""]],
    );
    expect((await json(await api.call(PATH, token))).programmingLanguages).toEqual(["Python", null, ""]);
    const exported = (await json(await api.call("/v1/me/export", token))).profile as Record<string, unknown>;
    expect(exported.programmingLanguages).toEqual(["Python", null, ""]);
  });

  it("says in the OpenAPI document that a language item may be null", async () => {
    type Schema = { properties: { programmingLanguages: { items: { type: unknown; description: string } } } };
    const document = (await (await fetch(`${api.url}/openapi.json`)).json()) as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content: Record<string, { schema: Schema }> }> }>
      >;
    };
    const read = document.paths[PATH]?.get?.responses["200"]?.content["application/json"]?.schema;
    const { items } = read?.properties.programmingLanguages ?? {
      items: { type: undefined, description: "" },
    };
    expect(items.type).toEqual(["string", "null"]);
    expect(items.description).toMatch(/Supabase/);
  });
});

describe("validation of every field", () => {
  const valid = { displayName: "Ada" };
  const invalid: [string, Record<string, unknown>, string][] = [
    ["an empty display name", { displayName: "" }, "body.displayName"],
    ["a display name of spaces only", { displayName: "    " }, "body.displayName"],
    ["a display name over 120 characters", { displayName: "x".repeat(121) }, "body.displayName"],
    ["a missing display name", {}, "body"],
    ["a display name that is a number", { displayName: 42 }, "body.displayName"],
    ["an http avatar URL", { ...valid, avatarUrl: "http://example.com/a.png" }, "body.avatarUrl"],
    ["an avatar that is not a URL", { ...valid, avatarUrl: "https://" }, "body.avatarUrl"],
    [
      "an avatar URL over 2048 characters",
      { ...valid, avatarUrl: `https://e.com/${"a".repeat(2040)}` },
      "body.avatarUrl",
    ],
    ["an unknown software level", { ...valid, softwareBackground: "expert" }, "body.softwareBackground"],
    ["an unknown hardware level", { ...valid, hardwareBackground: "guru" }, "body.hardwareBackground"],
    [
      "languages that are not a list",
      { ...valid, programmingLanguages: "Python" },
      "body.programmingLanguages",
    ],
    [
      "more than 20 languages",
      { ...valid, programmingLanguages: Array.from({ length: 21 }, (_, i) => `L${i}`) },
      "body.programmingLanguages",
    ],
    ["a repeated language", { ...valid, programmingLanguages: ["C", "C"] }, "body.programmingLanguages"],
    ["an empty language", { ...valid, programmingLanguages: [""] }, "body.programmingLanguages.0"],
    [
      "a language over 40 characters",
      { ...valid, programmingLanguages: ["x".repeat(41)] },
      "body.programmingLanguages.0",
    ],
    [
      "robotics experience over 4000 characters",
      { ...valid, roboticsExperience: "x".repeat(4001) },
      "body.roboticsExperience",
    ],
    [
      "learning goals over 4000 characters",
      { ...valid, learningGoals: "x".repeat(4001) },
      "body.learningGoals",
    ],
    [
      "a preferred language that is not a BCP 47 tag",
      { ...valid, preferredLanguage: "english!" },
      "body.preferredLanguage",
    ],
    ["a null preferred language", { ...valid, preferredLanguage: null }, "body.preferredLanguage"],
    ["a NUL in the display name", { displayName: "Ada\u0000" }, "body.displayName"],
    ["a lone high surrogate in the display name", { displayName: "Ada \ud83e" }, "body.displayName"],
    [
      "a NUL in robotics experience",
      { ...valid, roboticsExperience: "arms\u0000" },
      "body.roboticsExperience",
    ],
    [
      "a lone low surrogate in learning goals",
      { ...valid, learningGoals: "\udd16 walk" },
      "body.learningGoals",
    ],
    [
      "a NUL in a language",
      { ...valid, programmingLanguages: ["C", "C\u0000++"] },
      "body.programmingLanguages.1",
    ],
    [
      "a lone surrogate as a language",
      { ...valid, programmingLanguages: ["\ud800"] },
      "body.programmingLanguages.0",
    ],
    ["an unknown property", { ...valid, userId: "00000000-0000-0000-0000-000000000000" }, "body.userId"],
    ["a read-only property", { ...valid, createdAt: "2020-01-01T00:00:00.000Z" }, "body.createdAt"],
  ];

  it.each(invalid)("refuses %s with 400 validation_failed naming the field", async (_name, body, field) => {
    const { token } = await api.createUser();
    const response = await put(token, body);
    expect(response.status).toBe(400);
    const error = await json(response);
    expect(error).toMatchObject({ error: "validation_failed", requestId: expect.any(String) });
    expect(error.details?.map((detail: { field: string }) => detail.field)).toContain(field);
    expect((await api.call(PATH, token)).status).toBe(404);
  });

  it("names the allowed background levels when one is unknown, in one message", async () => {
    const { token } = await api.createUser();
    const response = await put(token, { ...valid, softwareBackground: "guru" });
    expect(response.status).toBe(400);
    expect((await json(response)).details).toEqual([
      {
        field: "body.softwareBackground",
        message: 'must be one of: "none", "beginner", "intermediate", "advanced", null',
      },
    ]);
  });

  it("accepts every field at its limits", async () => {
    const { token } = await api.createUser();
    const response = await put(token, {
      displayName: "x".repeat(120),
      avatarUrl: `https://example.com/${"a".repeat(2028)}`,
      softwareBackground: "none",
      hardwareBackground: "advanced",
      programmingLanguages: Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(40, "x")),
      roboticsExperience: "r".repeat(4000),
      learningGoals: "g".repeat(4000),
      preferredLanguage: "zh-Hant-TW",
    });
    expect(response.status).toBe(201);
  });

  it("refuses a body that is not JSON with 400", async () => {
    const { token } = await api.createUser();
    const response = await api.call(PATH, token, { method: "PUT", body: "{not json" });
    expect(response.status).toBe(400);
    expect((await json(response)).error).toBe("validation_failed");
  });

  it.each(["text/plain", "application/x-www-form-urlencoded", "application/merge-patch+json"])(
    "refuses a PUT sent as %s with 415",
    async (contentType) => {
      const { token } = await api.createUser();
      const response = await put(token, valid, { "content-type": contentType });
      expect(response.status).toBe(415);
      expect((await json(response)).error).toBe("unsupported_media_type");
    },
  );

  it("refuses a body over 64 KiB with 413", async () => {
    const { token } = await api.createUser();
    const response = await put(token, { displayName: "Ada", learningGoals: "x".repeat(70 * 1024) });
    expect(response.status).toBe(413);
    expect((await json(response)).error).toBe("payload_too_large");
  });
});

describe("isolation between users", () => {
  it("never shows or changes one user's profile to another", async () => {
    const alice = await userWithProfile({ displayName: "Alice", learningGoals: "private" });
    const bob = await api.createUser();
    expect((await api.call(PATH, bob.token)).status).toBe(404);
    expect((await patch(bob.token, { learningGoals: "hijacked" })).status).toBe(404);
    expect((await remove(bob.token)).status).toBe(404);
    await put(bob.token, { displayName: "Bob" });
    const aliceProfile = await json(await api.call(PATH, alice.token));
    expect(aliceProfile).toMatchObject({ displayName: "Alice", learningGoals: "private" });
  });

  it("has no route that takes another user's id", async () => {
    const alice = await userWithProfile({ displayName: "Alice" });
    const bob = await api.createUser();
    for (const path of [`/v1/profiles/${alice.id}`, `${PATH}?userId=${alice.id}`, `${PATH}/${alice.id}`]) {
      const response = await api.call(path, bob.token);
      expect(await response.text()).not.toContain("Alice");
    }
  });
});

describe("GET /v1/me/export", () => {
  it("downloads the caller's account basics and profile as a JSON attachment", async () => {
    const { id, token } = await userWithProfile({ displayName: "Ada", learningGoals: "walk" });
    const response = await api.call("/v1/me/export", token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="profile-export-.+\.json"$/,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await json(response)).toEqual({
      exportedAt: expect.any(String),
      account: { id, email: `${id}@example.com`, name: "Learner", emailVerified: true },
      profile: expect.objectContaining({ displayName: "Ada", learningGoals: "walk" }),
      progress: [],
    });
  });

  it("exports a null profile for a user who has none", async () => {
    const { token } = await api.createUser();
    expect((await json(await api.call("/v1/me/export", token))).profile).toBeNull();
  });
});
