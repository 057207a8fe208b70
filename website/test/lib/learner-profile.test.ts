import { describe, expect, it } from "vitest";
import { labHardwareOf } from "../../src/lib/learner-profile.js";

describe("what a profile can run the labs on", () => {
  it("is the learner's answer when there is one", () => {
    expect(labHardwareOf({ labHardware: ["gpu"], hardwareBackground: "advanced" })).toEqual(["gpu"]);
  });

  it("maps an older profile's hardware background: intermediate and advanced have a robot, none and beginner simulate", () => {
    expect(labHardwareOf({ labHardware: null, hardwareBackground: "advanced" })).toEqual([
      "simulation",
      "robot",
    ]);
    expect(labHardwareOf({ labHardware: null, hardwareBackground: "intermediate" })).toEqual([
      "simulation",
      "robot",
    ]);
    expect(labHardwareOf({ labHardware: null, hardwareBackground: "beginner" })).toEqual(["simulation"]);
    expect(labHardwareOf({ labHardware: null, hardwareBackground: "none" })).toEqual(["simulation"]);
  });

  it("is unknown when neither was answered", () => {
    expect(labHardwareOf({ labHardware: null, hardwareBackground: null })).toBeNull();
  });
});
