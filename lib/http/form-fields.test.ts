import { describe, expect, it } from "vitest";
import { FORM_TEXT_MAX_LENGTH, answerCountOf, formText } from "./form-fields";

// A public server action can be called by anyone with any arguments, not only by our forms.
describe("form fields as a server action receives them", () => {
  it("reads text fields, and nothing from a file or from what is not a form", () => {
    const form = new FormData();
    form.set("name", "Ada");
    form.set("upload", new Blob(["x"]), "x.txt");
    expect(formText(form, "name")).toBe("Ada");
    expect(formText(form, "upload")).toBe("");
    for (const notAForm of [undefined, null, "name=Ada", { name: "Ada" }, ["Ada"]]) expect(formText(notAForm, "name")).toBe("");
  });

  it("reads no more of a field than any form allows, so a huge value is not echoed back whole", () => {
    const form = new FormData();
    form.set("message", "a".repeat(900_000));
    expect(formText(form, "message")).toHaveLength(FORM_TEXT_MAX_LENGTH);
    expect(FORM_TEXT_MAX_LENGTH).toBeGreaterThan(5_000);
  });

  it("counts answers only from a state an action wrote", () => {
    expect(answerCountOf({ answer: 3 })).toBe(3);
    for (const state of [undefined, null, "x", {}, { answer: "3" }, { answer: -1 }, { answer: 1.5 }, { answer: Number.MAX_VALUE }]) expect(answerCountOf(state)).toBe(0);
  });
});
