import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Field } from "../../src/components/account/Field.js";
import { LevelSelect } from "../../src/components/account/LevelSelect.js";
import { TextAreaField } from "../../src/components/account/TextAreaField.js";

const ignore = () => undefined;

/** The attributes of the first element `tag` in `html`. */
function attributesOf(html: string, tag: string): Record<string, string> {
  const element = new RegExp(`<${tag}\\b([^>]*)>`).exec(html)?.[1] ?? "";
  return Object.fromEntries(
    [...element.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name, value]),
  );
}

describe("the field frame", () => {
  it("ties the label to the input, and describes the input by its hint and its error, marked invalid", () => {
    const html = renderToStaticMarkup(
      <Field
        label="Password"
        hint="At least 8 characters."
        error="Use at least 8 characters."
        value=""
        onChange={ignore}
      />,
    );
    const input = attributesOf(html, "input");
    expect(attributesOf(html, "label").for).toBe(input.id);
    expect(input["aria-describedby"]).toBe(`${input.id}-hint ${input.id}-error`);
    expect(input["aria-invalid"]).toBe("true");
    expect(html).toContain(`id="${input.id}-hint"`);
    expect(html).toContain(`id="${input.id}-error"`);
    expect(html).toContain("Use at least 8 characters.");
  });

  it("leaves out what a field does not have: no error, no aria-invalid; no hint, no description", () => {
    const bare = attributesOf(
      renderToStaticMarkup(<Field label="E-mail" value="" onChange={ignore} />),
      "input",
    );
    expect(bare["aria-describedby"]).toBeUndefined();
    expect(bare["aria-invalid"]).toBeUndefined();
    const hinted = attributesOf(
      renderToStaticMarkup(<TextAreaField label="Goals" hint="Optional." value="" onChange={ignore} />),
      "textarea",
    );
    expect(hinted["aria-describedby"]).toBe(`${hinted.id}-hint`);
    expect(hinted["aria-invalid"]).toBeUndefined();
  });

  it("frames the level choice the same way, with every level named", () => {
    const html = renderToStaticMarkup(
      <LevelSelect
        label="Software background"
        hint="Beginners get primers."
        value={null}
        onChange={ignore}
      />,
    );
    const select = attributesOf(html, "select");
    expect(attributesOf(html, "label").for).toBe(select.id);
    expect(select["aria-describedby"]).toBe(`${select.id}-hint`);
    for (const name of ["Prefer not to say", "None yet", "Beginner", "Intermediate", "Advanced"]) {
      expect(html).toContain(`>${name}</option>`);
    }
  });
});
