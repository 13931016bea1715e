import { describe, expect, it } from "vitest";
import { maskEmail, maskEmailList, maskEmailsIn, maskName } from "./mask";

describe("masking a person in a log line", () => {
  it("keeps an email's first letter and its domain", () => {
    expect(maskEmail("jane.doe@example.com")).toBe("j***@example.com");
    expect(maskEmail(" J@x.co ")).toBe("J***@x.co");
    expect(maskEmail("not an address")).toBe("***");
    expect(maskEmail(42)).toBe("***");
    expect(maskEmailList("a@x.com, bob@y.org")).toBe("a***@x.com, b***@y.org");
  });

  it("keeps each word's first letter of a name", () => {
    expect(maskName("Jane van Doe")).toBe("J*** v*** D***");
    expect(maskName("Émile")).toBe("É***");
    expect(maskName("")).toBe("***");
  });

  it("masks every address inside a text", () => {
    expect(maskEmailsIn("422 validation_error: Invalid `to` field: jane.doe@example.com, x@y.io")).toBe(
      "422 validation_error: Invalid `to` field: j***@example.com, x***@y.io",
    );
  });
});
