import { describe, expect, it } from "vitest";
import { bookingFormSchema, fieldErrorsOf, type BookingField } from "./booking-form-schema";
import { bookingFormInput } from "./booking-test-fixtures";

const errorFor = (field: BookingField, value: unknown) => {
  const result = bookingFormSchema.safeParse({ ...bookingFormInput(), [field]: value });
  return result.success ? undefined : fieldErrorsOf(result.error)[field];
};
const parsed = (field: BookingField, value: unknown) => bookingFormSchema.parse({ ...bookingFormInput(), [field]: value })[field];
const chars = (n: number) => "a".repeat(n);

describe("the booking form's rules", () => {
  it("accepts a complete, ordinary booking", () => {
    expect(bookingFormSchema.safeParse(bookingFormInput()).success).toBe(true);
  });

  it("names every missing required answer, and only those", () => {
    const result = bookingFormSchema.safeParse({});
    expect(result.success).toBe(false);
    expect(Object.keys(fieldErrorsOf(result.error!)).sort()).toEqual(
      ["company", "companySize", "consent", "email", "fullName", "slot", "topic"].sort(),
    );
  });

  it.each([
    ["fullName", chars(1), "Enter your full name (at least 2 characters)"],
    ["fullName", chars(101), "Keep your name to 100 characters or fewer"],
    ["company", "", "Enter your company's name"],
    ["company", chars(121), "Keep the company name to 120 characters or fewer"],
    ["jobRole", chars(121), "Keep your role to 120 characters or fewer"],
    ["email", "not-an-email", "Enter an email address like name@company.com"],
    ["email", `${chars(245)}@example.com`, "Email addresses are at most 254 characters"],
    ["phone", "call me", "Enter a phone number in international format, like +1 212 555 0100"],
    ["phone", "+1 555", "Enter a phone number in international format, like +1 212 555 0100"],
    ["phone", "+1234567890123456", "Enter a phone number in international format, like +1 212 555 0100"],
    ["companySize", "huge", "Choose your company's size"],
    ["topic", "", "Choose what you would like to discuss"],
    ["message", chars(5001), "Keep this to 5,000 characters or fewer"],
    ["slot", "tomorrow", "Choose a time for the call"],
    ["consent", "", "Agree to the privacy notice so we can contact you about this booking"],
  ] as const)("refuses %s = %j with “%s”", (field, value, message) => {
    expect(errorFor(field, value)).toBe(message);
  });

  it.each([
    ["fullName", chars(2)],
    ["fullName", chars(100)],
    ["company", chars(120)],
    ["jobRole", chars(120)],
    ["email", `${chars(242)}@example.com`],
    ["phone", "+44 20 7946 0958"],
    ["phone", "(212) 555-0100"],
    ["message", chars(5000)],
  ] as const)("accepts %s at its limit or in its usual form", (field, value) => {
    expect(errorFor(field, value)).toBeUndefined();
  });

  it("leaves optional answers out when they are blank", () => {
    const form = bookingFormSchema.parse({ ...bookingFormInput(), jobRole: "  ", phone: "", message: "\n" });
    expect(form).toMatchObject({ jobRole: undefined, phone: undefined, message: undefined });
  });

  it("trims, lower-cases email, strips control characters and composes Unicode", () => {
    expect(parsed("email", "  Ada.Lovelace@Example.COM ")).toBe("ada.lovelace@example.com");
    expect(parsed("fullName", "  Ada\u0007   Lovelace\u200b ")).toBe("Ada Lovelace\u200b");
    expect(parsed("fullName", "Jose\u0301 Nu\u0301n\u0303ez")).toBe("José Núñez");
    expect(parsed("company", "Acme\r\nWidgets")).toBe("Acme Widgets");
    expect(parsed("message", "Line one\r\n\r\n\r\n\r\nLine two\u0000")).toBe("Line one\n\nLine two");
  });

  it("reads the slot as an instant", () => {
    expect(parsed("slot", "2026-12-01T14:00:00.000Z")).toEqual(new Date("2026-12-01T14:00:00.000Z"));
  });
});
