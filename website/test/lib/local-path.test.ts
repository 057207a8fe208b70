import { describe, expect, it } from "vitest";
import { isLocalPath } from "../../src/lib/local-path.js";

describe("the return path after signing in", () => {
  it.each([
    "/",
    "/docs/ros2/nodes-and-topics?tab=lab#goal",
    "/profile",
    "/docs/a%20chapter",
    "/search?q=a%2Fb",
    "/docs/intro?next=%2Fprofile",
  ])("may be the page %j of this site", (path) => {
    expect(isLocalPath(path)).toBe(true);
  });

  it.each([
    "https://evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "\t//evil.example",
    " //evil.example",
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "",
    // Percent-encoded forms, once and twice, as a router or a second decoding would read them.
    "%2F%2Fevil.example",
    "/%2Fevil.example",
    "/%5Cevil.example",
    "/%09/evil.example",
    "/%0A/evil.example",
    "/%252Fevil.example",
    "/%255Cevil.example",
    "/%25095/evil.example",
    "%2F%09%2Fevil.example",
    "javascript%3Aalert(1)",
    "/%E0%A4%A", // not decodable
  ])("may not be %j, which a browser or router can read as another site", (path) => {
    expect(isLocalPath(path)).toBe(false);
  });
});
