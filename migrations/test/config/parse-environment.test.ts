import { describe, expect, it } from "vitest";
import * as z from "zod";
import { ConfigError, databaseUrl, duration, parseEnvironment, port } from "../../src/config/index.js";

const schema = z.object({
  DATABASE_URL: databaseUrl,
  PORT: port(4000),
  TTL: duration({ default: "15m" }),
});

describe("parsing an environment with a schema", () => {
  it("reads only the schema's variables, and counts a blank one as unset", () => {
    expect(
      parseEnvironment(
        schema,
        { DATABASE_URL: "postgres://db.example.com/x", PORT: " ", OTHER: "x" },
        "test",
      ),
    ).toEqual({ DATABASE_URL: "postgres://db.example.com/x", PORT: 4000, TTL: 900 });
  });

  it("throws one ConfigError naming every bad variable, each with what it expects", () => {
    const parse = () => parseEnvironment(schema, { PORT: "http", TTL: "soon" }, "test");
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(
      /^Invalid test configuration:\n {2}DATABASE_URL is required .*\n {2}PORT must be a port number .*\n {2}TTL must be a whole number of seconds/,
    );
  });
});
