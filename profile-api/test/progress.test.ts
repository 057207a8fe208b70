import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChapterProgress } from "../src/schemas/progress.js";
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

const PATH = "/v1/progress";
const patch = (token: string, chapters: unknown, headers: Record<string, string> = {}) =>
  api.call(PATH, token, { method: "PATCH", body: JSON.stringify({ chapters }), headers });
const chaptersOf = async (response: Response) =>
  ((await response.json()) as { chapters: ChapterProgress[] }).chapters;
const read = async (token: string) => chaptersOf(await api.call(PATH, token));

/** Runs one query on the test database and returns its rows. */
async function select<Row>(sql: string, parameters: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: api.database.url });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows as Row[];
  } finally {
    await client.end();
  }
}

/** Gives the learner `count` chapters of stored progress directly in the database. */
function seedChapters(userId: string, count: number) {
  return api.query(
    `INSERT INTO reading_progress (user_id, doc_id, fraction, last_visited_at)
     SELECT $1, 'seeded/chapter-' || n, 0.5, now() - interval '1 day' FROM generate_series(1, $2) AS n`,
    [userId, count],
  );
}

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

describe("reading and merging the caller's progress", () => {
  it("answers an empty list to a learner who has read nothing yet", async () => {
    const { token } = await api.createUser();
    const response = await api.call(PATH, token);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
    expect(await response.json()).toEqual({ chapters: [] });
  });

  it("records a chapter and answers with the whole progress, as GET does", async () => {
    const { token } = await api.createUser();
    const visitedAt = ago(HOUR);
    const response = await patch(token, [
      { docId: "ros2/nodes-and-topics", fraction: 0.4, anchor: "publishers", visitedAt },
    ]);
    expect(response.status).toBe(200);
    const chapters = await chaptersOf(response);
    expect(chapters).toEqual([
      {
        docId: "ros2/nodes-and-topics",
        fraction: 0.4,
        anchor: "publishers",
        completedAt: null,
        lastVisitedAt: visitedAt,
      },
    ]);
    expect(await read(token)).toEqual(chapters);
  });

  it("never lowers the fraction, and keeps the anchor of the furthest point", async () => {
    const { token } = await api.createUser();
    await patch(token, [{ docId: "ros2/qos", fraction: 0.7, anchor: "durability" }]);
    const lower = await chaptersOf(
      await patch(token, [{ docId: "ros2/qos", fraction: 0.2, anchor: "intro" }]),
    );
    expect(lower[0]).toMatchObject({ fraction: 0.7, anchor: "durability" });
    const higher = await chaptersOf(
      await patch(token, [{ docId: "ros2/qos", fraction: 0.9, anchor: "history" }]),
    );
    expect(higher[0]).toMatchObject({ fraction: 0.9, anchor: "history" });
  });

  it("sets completedAt the first time a chapter is completed and keeps it", async () => {
    const { token } = await api.createUser();
    const first = await chaptersOf(await patch(token, [{ docId: "intro", fraction: 1, completed: true }]));
    const completedAt = first[0]?.completedAt;
    expect(Date.parse(String(completedAt))).toBeGreaterThan(Date.now() - 60_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await chaptersOf(await patch(token, [{ docId: "intro", fraction: 1, completed: true }]));
    expect(again[0]?.completedAt).toBe(completedAt);
    const notCompleted = await chaptersOf(
      await patch(token, [{ docId: "intro", fraction: 0.1, completed: false }]),
    );
    expect(notCompleted[0]?.completedAt).toBe(completedAt);
  });

  it("keeps the later visit time, and takes a future one as now", async () => {
    const { token } = await api.createUser();
    const recent = ago(HOUR);
    await patch(token, [{ docId: "intro", fraction: 0.1, visitedAt: recent }]);
    const older = await chaptersOf(
      await patch(token, [{ docId: "intro", fraction: 0.1, visitedAt: ago(5 * HOUR) }]),
    );
    expect(older[0]?.lastVisitedAt).toBe(recent);
    const future = await chaptersOf(
      await patch(token, [
        { docId: "intro", fraction: 0.1, visitedAt: new Date(Date.now() + 48 * HOUR).toISOString() },
      ]),
    );
    const stored = Date.parse(String(future[0]?.lastVisitedAt));
    expect(stored).toBeGreaterThan(Date.now() - 60_000);
    expect(stored).toBeLessThanOrEqual(Date.now());
  });

  it("changes nothing, not even updated_at, when the same body is sent twice", async () => {
    const { id, token } = await api.createUser();
    const body = [
      { docId: "simulation/gazebo", fraction: 0.5, anchor: "worlds", visitedAt: ago(HOUR) },
      { docId: "intro", fraction: 1, completed: true, visitedAt: ago(2 * HOUR) },
    ];
    const first = await chaptersOf(await patch(token, body));
    const rowsBefore = await select("SELECT * FROM reading_progress WHERE user_id = $1 ORDER BY doc_id", [
      id,
    ]);
    const second = await chaptersOf(await patch(token, body));
    expect(second).toEqual(first);
    expect(await select("SELECT * FROM reading_progress WHERE user_id = $1 ORDER BY doc_id", [id])).toEqual(
      rowsBefore,
    );
  });

  it("lists the most recently visited chapter first", async () => {
    const { token } = await api.createUser();
    await patch(token, [
      { docId: "a-old", fraction: 0.1, visitedAt: ago(3 * HOUR) },
      { docId: "b-newest", fraction: 0.1, visitedAt: ago(HOUR) },
      { docId: "c-middle", fraction: 0.1, visitedAt: ago(2 * HOUR) },
    ]);
    expect((await read(token)).map((chapter) => chapter.docId)).toEqual(["b-newest", "c-middle", "a-old"]);
  });

  it("counts a chapter named twice in one body once, with the furthest point of the two", async () => {
    const { token } = await api.createUser();
    const later = ago(HOUR);
    const chapters = await chaptersOf(
      await patch(token, [
        { docId: "ros2/qos", fraction: 0.8, anchor: "history", visitedAt: ago(2 * HOUR) },
        { docId: "ros2/qos", fraction: 0.3, anchor: "intro", completed: true, visitedAt: later },
      ]),
    );
    expect(chapters).toEqual([
      {
        docId: "ros2/qos",
        fraction: 0.8,
        anchor: "history",
        completedAt: expect.any(String),
        lastVisitedAt: later,
      },
    ]);
  });

  it("forgets all of the caller's progress with DELETE (204), and answers 204 again when there is none", async () => {
    const { token } = await api.createUser();
    await patch(token, [{ docId: "intro", fraction: 0.5 }]);
    expect((await api.call(PATH, token, { method: "DELETE" })).status).toBe(204);
    expect(await read(token)).toEqual([]);
    expect((await api.call(PATH, token, { method: "DELETE" })).status).toBe(204);
  });
});

describe("limits", () => {
  it("takes 1 to 100 chapters in one PATCH, and refuses 0 or 101 with 400", async () => {
    const { token } = await api.createUser();
    const chapters = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ docId: `bulk/chapter-${i}`, fraction: 0.5 }));
    expect((await patch(token, chapters(0))).status).toBe(400);
    const tooMany = await patch(token, chapters(101));
    expect(tooMany.status).toBe(400);
    expect((await json(tooMany)).details).toEqual([{ field: "body.chapters", message: expect.any(String) }]);
    expect(await read(token)).toEqual([]);
    const hundred = await patch(token, chapters(100));
    expect(hundred.status).toBe(200);
    expect(await chaptersOf(hundred)).toHaveLength(100);
  });

  it("keeps at most 1,000 chapters per learner: beyond, 422 progress_limit_reached and nothing changes", async () => {
    const { id, token } = await api.createUser();
    await seedChapters(id, 999);
    const over = await patch(token, [
      { docId: "new/one", fraction: 0.5 },
      { docId: "new/two", fraction: 0.5 },
      { docId: "seeded/chapter-1", fraction: 0.9 },
    ]);
    expect(over.status).toBe(422);
    expect(await json(over)).toEqual({
      error: "progress_limit_reached",
      message: expect.stringContaining("1000"),
      requestId: over.headers.get("x-request-id"),
    });
    const [untouched] = await select<{ count: string; fraction: number }>(
      `SELECT count(*) AS count, max(fraction) AS fraction FROM reading_progress WHERE user_id = $1`,
      [id],
    );
    expect(untouched).toEqual({ count: "999", fraction: 0.5 });

    expect((await patch(token, [{ docId: "new/one", fraction: 0.5 }])).status).toBe(200);
    // At the limit, chapters already kept are still updated; only a new one is refused.
    expect((await patch(token, [{ docId: "seeded/chapter-1", fraction: 0.9 }])).status).toBe(200);
    expect((await patch(token, [{ docId: "new/two", fraction: 0.5 }])).status).toBe(422);
  });

  it("holds the limit exactly when one learner's PATCHes race each other", async () => {
    const { id, token } = await api.createUser();
    await seedChapters(id, 900);
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, request) =>
        patch(
          token,
          Array.from({ length: 50 }, (_, i) => ({ docId: `race/r${request}-c${i}`, fraction: 0.5 })),
        ).then((response) => response.status),
      ),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(2);
    expect(statuses.filter((status) => status === 422)).toHaveLength(10);
    const [stored] = await select<{ count: string }>(
      "SELECT count(*) AS count FROM reading_progress WHERE user_id = $1",
      [id],
    );
    expect(stored?.count).toBe("1000");
  });
});

describe("validation", () => {
  const valid = { docId: "ros2/nodes-and-topics", fraction: 0.5 };
  it.each([
    ["a doc id with capitals", { ...valid, docId: "ROS2/nodes" }, "body.chapters.0.docId"],
    ["a doc id starting with a slash", { ...valid, docId: "/ros2/nodes" }, "body.chapters.0.docId"],
    ["a doc id with a dot segment", { ...valid, docId: "ros2/../secrets" }, "body.chapters.0.docId"],
    ["a doc id of 201 characters", { ...valid, docId: "a".repeat(201) }, "body.chapters.0.docId"],
    ["a fraction below 0", { ...valid, fraction: -0.01 }, "body.chapters.0.fraction"],
    ["a fraction above 1", { ...valid, fraction: 1.5 }, "body.chapters.0.fraction"],
    ["a fraction sent as text", { ...valid, fraction: "0.5" }, "body.chapters.0.fraction"],
    ["an anchor with a space", { ...valid, anchor: "two words" }, "body.chapters.0.anchor"],
    ["an anchor with a NUL", { ...valid, anchor: "a\u0000b" }, "body.chapters.0.anchor"],
    ["an anchor with a lone surrogate", { ...valid, anchor: "a\ud800b" }, "body.chapters.0.anchor"],
    ["an empty anchor", { ...valid, anchor: "" }, "body.chapters.0.anchor"],
    ["completed that is not a boolean", { ...valid, completed: "yes" }, "body.chapters.0.completed"],
    [
      "a visit time that is not a date-time",
      { ...valid, visitedAt: "yesterday" },
      "body.chapters.0.visitedAt",
    ],
    ["an unknown field", { ...valid, userId: "someone-else" }, "body.chapters.0.userId"],
  ])("refuses %s with 400 naming the field, and stores nothing", async (_name, chapter, field) => {
    const { token } = await api.createUser();
    const response = await patch(token, [chapter]);
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body).toMatchObject({ error: "validation_failed", requestId: expect.any(String) });
    expect(body.details?.map((detail) => detail.field)).toContain(field);
    expect(await read(token)).toEqual([]);
  });

  it("accepts a heading id in another script (a translated chapter)", async () => {
    const { token } = await api.createUser();
    const response = await patch(token, [{ ...valid, anchor: "سیکھنے-کے-مقاصد" }]);
    expect(response.status).toBe(200);
    expect((await chaptersOf(response))[0]?.anchor).toBe("سیکھنے-کے-مقاصد");
  });

  it("refuses a body without chapters, or that is not JSON", async () => {
    const { token } = await api.createUser();
    expect((await api.call(PATH, token, { method: "PATCH", body: "{}" })).status).toBe(400);
    expect((await api.call(PATH, token, { method: "PATCH", body: "{chapters" })).status).toBe(400);
  });

  it("takes only application/json (415 otherwise)", async () => {
    const { token } = await api.createUser();
    for (const type of ["text/plain", "application/merge-patch+json"]) {
      const response = await patch(token, [valid], { "content-type": type });
      expect(response.status).toBe(415);
      expect((await json(response)).error).toBe("unsupported_media_type");
    }
  });

  it("answers 401 without a valid token, on every progress route", async () => {
    for (const method of ["GET", "PATCH", "DELETE"]) {
      const response = await api.call(PATH, undefined, {
        method,
        ...(method === "PATCH" ? { body: JSON.stringify({ chapters: [valid] }) } : {}),
      });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
    }
  });
});

describe("one learner's progress is theirs alone", () => {
  it("never shows, changes or resets one learner's progress for another", async () => {
    const ada = await api.createUser();
    const grace = await api.createUser();
    await patch(ada.token, [{ docId: "intro", fraction: 0.9, anchor: "ada-was-here" }]);
    await patch(grace.token, [{ docId: "intro", fraction: 0.1 }]);
    expect(await read(grace.token)).toEqual([expect.objectContaining({ docId: "intro", fraction: 0.1 })]);
    expect((await api.call(PATH, grace.token, { method: "DELETE" })).status).toBe(204);
    expect(await read(ada.token)).toEqual([
      expect.objectContaining({ docId: "intro", fraction: 0.9, anchor: "ada-was-here" }),
    ]);
  });

  it("deletes the progress with the account, and refuses a write from a token that outlived it", async () => {
    const { id, token } = await api.createUser();
    await patch(token, [{ docId: "intro", fraction: 0.5 }]);
    await api.query(`DELETE FROM "user" WHERE id = $1`, [id]);
    expect(await select("SELECT 1 FROM reading_progress WHERE user_id = $1", [id])).toEqual([]);
    const write = await patch(token, [{ docId: "intro", fraction: 0.6 }]);
    expect(write.status).toBe(401);
    expect(write.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    expect(await select("SELECT 1 FROM reading_progress WHERE user_id = $1", [id])).toEqual([]);
  });

  it("includes the progress in GET /v1/me/export", async () => {
    const { token } = await api.createUser();
    const chapters = await chaptersOf(
      await patch(token, [{ docId: "ros2/qos", fraction: 0.3, anchor: "depth" }]),
    );
    const exported = (await (await api.call("/v1/me/export", token)).json()) as { progress: unknown };
    expect(exported.progress).toEqual(chapters);
  });
});

describe("rate limits", () => {
  let limited: ProfileApiUnderTest;
  beforeAll(async () => {
    limited = await startProfileApiUnderTest({ PROFILE_API_RATE_LIMIT: "2" });
  });
  afterAll(() => limited?.close());

  it("counts progress requests against the learner's limit like every other request", async () => {
    const ada = await limited.createUser();
    const grace = await limited.createUser();
    const body = JSON.stringify({ chapters: [{ docId: "intro", fraction: 0.5 }] });
    expect((await limited.call(PATH, ada.token, { method: "PATCH", body })).status).toBe(200);
    expect((await limited.call(PATH, ada.token)).status).toBe(200);
    const over = await limited.call(PATH, ada.token, { method: "PATCH", body });
    expect(over.status).toBe(429);
    expect((await json(over)).error).toBe("rate_limited");
    expect((await limited.call(PATH, grace.token)).status).toBe(200);
  });
});

describe("the API description", () => {
  it("describes the progress routes and every status they answer in /openapi.json", async () => {
    const document = (await (await fetch(`${api.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const statuses = (method: string) => Object.keys(document.paths[PATH]?.[method]?.responses ?? {});
    expect(statuses("get")).toEqual(expect.arrayContaining(["200", "401", "429", "503"]));
    expect(statuses("patch")).toEqual(
      expect.arrayContaining(["200", "400", "401", "413", "415", "422", "429", "500", "503"]),
    );
    expect(statuses("delete")).toEqual(expect.arrayContaining(["204", "401"]));
  });
});
