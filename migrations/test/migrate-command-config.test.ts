import { describe, expect, it } from "vitest";
import { readMigrateCommand } from "../src/migrate-command-config.js";

const DIRECT = "postgres://app:s3cret@db.example.com:5432/textbook";
const POOLED = "postgres://app:s3cret@db-pooler.example.com:5432/textbook";

describe("the db:migrate command's configuration", () => {
  it("prefers the direct DATABASE_URL_UNPOOLED and falls back to DATABASE_URL", () => {
    expect(readMigrateCommand([], { DATABASE_URL: POOLED, DATABASE_URL_UNPOOLED: DIRECT })).toEqual({
      status: false,
      connectionString: DIRECT,
      variable: "DATABASE_URL_UNPOOLED",
    });
    expect(readMigrateCommand(["--status"], { DATABASE_URL: POOLED })).toEqual({
      status: true,
      connectionString: POOLED,
      variable: "DATABASE_URL",
    });
    expect(readMigrateCommand(["--help"], {})).toBe("help");
  });

  it("says what to set when neither variable is, and names a malformed one without its password", () => {
    expect(() => readMigrateCommand([], {})).toThrow(/Set DATABASE_URL_UNPOOLED \(or DATABASE_URL\)/);
    const malformed = () => readMigrateCommand([], { DATABASE_URL_UNPOOLED: "mysql://app:s3cret@db/x" });
    expect(malformed).toThrow(/DATABASE_URL_UNPOOLED must start with postgres:\/\//);
    expect(malformed).not.toThrow(/s3cret/);
  });
});
