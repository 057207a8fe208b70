import { describe, expect, it } from "vitest";
import { isLocalPath } from "../../src/lib/local-path.js";

describe("the return path after signing in", () => {
  it("may be any page of this site", () => {
    expect(isLocalPath("/docs/ros2/nodes-and-topics?tab=lab#goal")).toBe(true);
  });

  it("may not lead to another site", () => {
    for (const path of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "",
    ]) {
      expect(isLocalPath(path)).toBe(false);
    }
  });
});
