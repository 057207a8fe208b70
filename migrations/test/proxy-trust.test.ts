import { describe, expect, it } from "vitest";
import { parseProxyTrust, trustsHop } from "../src/proxy-trust.js";

describe("TRUST_PROXY, as both services read it", () => {
  it.each([
    [undefined, false],
    ["", false],
    ["false", false],
    ["0", false],
    ["true", 1],
    ["1", 1],
    ["2", 2],
    ["12", 12],
  ])("reads %j as %j", (value, expected) => {
    expect(parseProxyTrust(value)).toBe(expected);
  });

  it.each(["yes", "TRUE", " 1", "-1", "1.5", "100", "all", "10.0.0.0/8"])(
    "refuses %j, naming the variable",
    (value) => {
      expect(() => parseProxyTrust(value)).toThrow(/^TRUST_PROXY must be false, true \(one proxy hop\)/);
    },
  );

  it("trusts exactly the configured number of hops, so the client is the first hop after them", () => {
    const chain = ["10.0.0.2", "198.51.100.7", "6.6.6.6"]; // socket peer, what the proxy saw, forged
    const clientOf = (trust: ReturnType<typeof parseProxyTrust>) => {
      const trusts = trustsHop(trust);
      return chain.find((address, hop) => !trusts(address, hop)) ?? chain.at(-1);
    };
    expect(clientOf(parseProxyTrust("false"))).toBe("10.0.0.2");
    expect(clientOf(parseProxyTrust("true"))).toBe("198.51.100.7");
    expect(clientOf(parseProxyTrust("2"))).toBe("6.6.6.6");
  });
});
