import { createPool } from "@textbook/migrations/database";
import { createTestDatabase, type TestDatabase } from "@textbook/migrations/testing";
import { symmetricDecrypt } from "better-auth/crypto";
import { importJWK } from "jose";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptionSecret } from "../../src/keys/encryption-secret.js";
import { generateSigningKey } from "../../src/keys/generate-signing-key.js";
import { createSigningKeyring } from "../../src/keys/signing-keyring.js";

const SECRET = "a-test-secret-that-is-at-least-32-characters";
const ROTATION_SECONDS = 20;

describe("the signing keyring", () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  const keyring = () =>
    createSigningKeyring(pool, { refreshMillis: 60_000, rotationSeconds: ROTATION_SECONDS, secret: SECRET });

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPool({ connectionString: database.url, max: 4 });
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it("publishes the successor before it signs, once, even when instances maintain at the same moment", async () => {
    const now = Date.now();
    const first = keyring();
    const current = await first.createJwk(
      await generateSigningKey(
        SECRET,
        new Date(now - 11_000),
        new Date(now - 11_000 + ROTATION_SECONDS * 1000),
      ),
    );
    // Nine seconds left, inside the lead of half the interval: every instance tries to publish the next key.
    await Promise.all([first.maintain(), keyring().maintain(), keyring().maintain()]);

    const published = await first.publishedKeys();
    expect(published.map((key) => key.id)).toHaveLength(2);
    const successor = published.find((key) => key.id !== current.id);
    expect(successor?.createdAt.getTime()).toBe(current.expiresAt?.getTime());
    expect((await first.getJwks()).map((key) => key.id)).toEqual([current.id]);

    // Better Auth decrypts and imports it exactly like a key it created itself.
    const privateJwk = await symmetricDecrypt({
      key: SECRET,
      data: JSON.parse(successor?.privateKey as string),
    });
    await expect(importJWK(JSON.parse(privateJwk), "RS256")).resolves.toBeTruthy();
  });

  it("hands the successor to Better Auth for signing once the current key has ended", async () => {
    await pool.query("DELETE FROM jwks");
    const ring = keyring();
    const ended = Date.now() - 1_000;
    const rotation = ROTATION_SECONDS * 1000;
    await ring.createJwk(await generateSigningKey(SECRET, new Date(ended - rotation), new Date(ended)));
    const successor = await ring.createJwk(
      await generateSigningKey(SECRET, new Date(ended), new Date(ended + rotation)),
    );
    const signing = await ring.getJwks();
    expect(signing).toHaveLength(2);
    expect(signing.at(-1)?.id).toBe(successor.id);
  });

  it("encrypts the successor with the current one of versioned secrets, which Better Auth opens", async () => {
    await pool.query("DELETE FROM jwks");
    const secrets = encryptionSecret({
      secret: SECRET,
      secrets: [
        { version: 2, value: "the-current-versioned-secret-of-32-characters" },
        { version: 1, value: "the-previous-versioned-secret-of-32-chars" },
      ],
    });
    const ring = createSigningKeyring(pool, {
      refreshMillis: 60_000,
      rotationSeconds: ROTATION_SECONDS,
      secret: secrets,
    });
    const now = Date.now();
    // A key stored before versions were used, encrypted with the plain secret, nine seconds from its end.
    await ring.createJwk(
      await generateSigningKey(
        SECRET,
        new Date(now - 11_000),
        new Date(now - 11_000 + ROTATION_SECONDS * 1000),
      ),
    );
    await ring.maintain();

    const [legacy, successor] = await ring.publishedKeys();
    const sealed = JSON.parse(successor?.privateKey as string) as string;
    expect(sealed.startsWith("$ba$2$")).toBe(true);
    for (const key of [legacy, successor]) {
      const privateJwk = await symmetricDecrypt({
        key: secrets,
        data: JSON.parse(key?.privateKey as string),
      });
      await expect(importJWK(JSON.parse(privateJwk), "RS256")).resolves.toBeTruthy();
    }
  });
});
