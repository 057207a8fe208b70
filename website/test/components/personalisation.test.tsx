import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ForLevel } from "../../src/components/personalisation/ForLevel.js";
import { LabVariant, LabVariants } from "../../src/components/personalisation/LabVariants.js";
import { PersonalisationProvider } from "../../src/components/personalisation/PersonalisationProvider.js";
import type { ReaderLevels } from "../../src/lib/personalisation.js";

const chapter = (
  <>
    <ForLevel software="none beginner" title="Python primer">
      <p>PRIMER-TEXT</p>
    </ForLevel>
    <ForLevel software="advanced" title="Under the hood">
      <p>DEEP-DIVE-TEXT</p>
    </ForLevel>
    <LabVariants>
      <LabVariant kind="simulation" title="Lab in Gazebo">
        <p>SIMULATION-LAB</p>
      </LabVariant>
      <LabVariant kind="real-robot" title="Lab on your robot">
        <p>REAL-ROBOT-LAB</p>
      </LabVariant>
    </LabVariants>
  </>
);

function render(reader: ReaderLevels | null, content: ReactNode = chapter): string {
  return reader
    ? renderToStaticMarkup(<PersonalisationProvider reader={reader}>{content}</PersonalisationProvider>)
    : renderToStaticMarkup(content);
}

describe("personalised chapter blocks", () => {
  it("put every variant in the static HTML, for search engines and readers without JavaScript", () => {
    const html = render(null);
    for (const text of ["PRIMER-TEXT", "DEEP-DIVE-TEXT", "SIMULATION-LAB", "REAL-ROBOT-LAB"]) {
      expect(html).toContain(text);
    }
    expect(html).not.toContain("Show all variants");
  });

  it("show every variant while the reader's profile is unknown", () => {
    const html = render({ software: null, hardware: null, labHardware: null });
    expect(html).toContain("PRIMER-TEXT");
    expect(html).toContain("REAL-ROBOT-LAB");
  });

  it("show a beginner the primer and fold the deep dive into a note with the switch", () => {
    const html = render({ software: "beginner", hardware: "none", labHardware: null });
    expect(html).toContain("PRIMER-TEXT");
    expect(html).not.toContain("DEEP-DIVE-TEXT");
    expect(html).toContain("Under the hood");
    expect(html).toContain("Show all variants");
  });

  it("show an advanced programmer the deep dive and fold the primer", () => {
    const html = render({ software: "advanced", hardware: null, labHardware: null });
    expect(html).toContain("DEEP-DIVE-TEXT");
    expect(html).not.toContain("PRIMER-TEXT");
  });

  it("show a reader without a robot the simulation lab and fold the real-robot variant into a note", () => {
    const html = render({ software: null, hardware: null, labHardware: ["simulation", "gpu"] });
    expect(html).toContain("SIMULATION-LAB");
    expect(html).not.toContain("REAL-ROBOT-LAB");
    expect(html).toContain("your profile says you run the labs in simulation");
  });

  it("show a reader with a robot the simulation lab and add the real-robot variant", () => {
    const html = render({ software: null, hardware: null, labHardware: ["robot"] });
    expect(html).toContain("SIMULATION-LAB");
    expect(html).toContain("REAL-ROBOT-LAB");
    expect(html).toContain("Added for you: your profile says you have a real robot or kit.");
  });

  it("say in one line why each block is on the page", () => {
    const html = render({ software: "beginner", hardware: "none", labHardware: ["simulation"] });
    expect(html).toContain("Shown because your profile gives your software background as beginner.");
    expect(html).toContain("Every reader sees this lab: a computer is all it needs.");
  });

  it("give a reader who answered 'none' for software the beginner's blocks, as 'beginner' does", () => {
    const html = render(
      { software: "none", hardware: null, labHardware: null },
      <ForLevel software="beginner">B</ForLevel>,
    );
    expect(html).toContain("B");
  });

  it("keep a block whose dimension the reader has not answered", () => {
    const html = render(
      { software: null, hardware: "advanced", labHardware: null },
      <ForLevel software="beginner">SOFT</ForLevel>,
    );
    expect(html).toContain("SOFT");
  });

  it("refuse a level that does not exist, naming the mistake", () => {
    expect(() => render(null, <ForLevel software="expert">X</ForLevel>)).toThrow(/got "expert"/);
  });
});
