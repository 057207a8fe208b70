import { describe, expect, it } from "vitest";
import { failureCountFigure, statedFigure } from "../../src/benchmark-library/bench-result.js";

describe("the shared figure builders", () => {
  it("reports a figure without a goal as the median of its runs, neither met nor missed", () => {
    expect(statedFigure("p99 of the route", "ms", [30, 10, 20])).toEqual({
      measure: "p99 of the route",
      goal: "stated",
      unit: "ms",
      value: 20,
      samples: [30, 10, 20],
      met: null,
      runs: 3,
    });
  });

  it("meets a failure count's goal only at zero", () => {
    expect(failureCountFigure("failed requests", 0, 3)).toMatchObject({
      goal: "0",
      value: 0,
      met: true,
      runs: 3,
    });
    expect(failureCountFigure("failed requests", 2, 3)).toMatchObject({ value: 2, met: false });
  });
});
