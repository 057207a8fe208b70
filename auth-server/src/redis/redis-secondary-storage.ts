import { redisStorage } from "@better-auth/redis-storage";
import { Redis } from "ioredis";
import type { Logger } from "../logger.js";

/** Better Auth's secondary storage on Redis, and the connection behind it. */
export interface RedisSecondaryStorage {
  storage: ReturnType<typeof redisStorage>;
  /** Answers when Redis does; for the readiness probe. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Connects to REDIS_URL. A command fails after one retry instead of waiting in ioredis's offline queue, so a Redis
 * outage gives the caller a quick error, not a request that hangs until the client's own timeout.
 */
export function createRedisSecondaryStorage(
  redis: { url: string; keyPrefix: string },
  logger: Logger,
): RedisSecondaryStorage {
  const client = new Redis(redis.url, {
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
    lazyConnect: false,
    connectionName: "auth-server",
  });
  // Without a listener ioredis prints every reconnect failure to stderr; the log line carries no URL (password).
  client.on("error", (error: Error) => logger.warn({ err: { message: error.message } }, "redis error"));
  return {
    storage: redisStorage({ client, keyPrefix: redis.keyPrefix }),
    ping: async () => {
      await client.ping();
    },
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
