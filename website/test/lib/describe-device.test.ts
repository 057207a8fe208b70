import { describe, expect, it } from "vitest";
import { describeDevice } from "../../src/lib/describe-device.js";

describe("the session list's device names", () => {
  it("name the browser and the system a person would recognise", () => {
    const chromeOnWindows =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
    const safariOnIphone =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
    const firefoxOnLinux = "Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0";
    expect(describeDevice(chromeOnWindows)).toBe("Chrome on Windows");
    expect(describeDevice(safariOnIphone)).toBe("Safari on iOS");
    expect(describeDevice(firefoxOnLinux)).toBe("Firefox on Linux");
  });

  it("say so when the session has no user agent", () => {
    expect(describeDevice(null)).toBe("Unknown device");
  });
});
