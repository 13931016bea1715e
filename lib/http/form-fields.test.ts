import { describe, expect, it } from "vitest";
import { answerCountOf, formText } from "./form-fields";

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

  it("counts answers only from a state an action wrote", () => {
    expect(answerCountOf({ answer: 3 })).toBe(3);
    for (const state of [undefined, null, "x", {}, { answer: "3" }, { answer: -1 }, { answer: 1.5 }, { answer: Number.MAX_VALUE }]) expect(answerCountOf(state)).toBe(0);
  });
});
