import * as z from "zod";
import { CompanySize, Topic } from "../db/generated/enums";
import { normalizeLine, normalizeParagraphs } from "../text/normalize-text";

// The booking form: what a prospect fills in, with the sentence shown next to each field when it
// is wrong. The form, the server action and the tests all use this one definition.

// The site's Content-Security-Policy forbids eval; left to itself, zod tries `new Function` in the
// browser to compile its object parsers, and the browser reports the refusal on every page.
if (typeof window !== "undefined") z.config({ jitless: true });

const asString = (value: unknown) => (typeof value === "string" ? value : "");
const line = z.preprocess((value) => normalizeLine(asString(value)), z.string());
const optionalLine = (max: number, tooLong: string) =>
  line.pipe(z.string().max(max, tooLong)).transform((value) => value || undefined);

const PHONE = /^\+?[0-9(][0-9 ().-]*$/;
const digitCount = (value: string) => value.replace(/\D/g, "").length;
const isPhone = (value: string) => PHONE.test(value) && digitCount(value) >= 7 && digitCount(value) <= 15;

export const bookingFormSchema = z.object({
  fullName: line.pipe(
    z
      .string()
      .min(1, "Enter your full name")
      .min(2, "Enter your full name (at least 2 characters)")
      .max(100, "Keep your name to 100 characters or fewer"),
  ),
  email: line.pipe(
    z
      .string()
      .min(1, "Enter your work email address")
      .max(254, "Email addresses are at most 254 characters")
      .pipe(z.email("Enter an email address like name@company.com"))
      .transform((value) => value.toLowerCase()),
  ),
  company: line.pipe(z.string().min(1, "Enter your company's name").max(120, "Keep the company name to 120 characters or fewer")),
  jobRole: optionalLine(120, "Keep your role to 120 characters or fewer"),
  phone: line
    .refine((value) => value === "" || isPhone(value), "Enter a phone number in international format, like +1 212 555 0100")
    .transform((value) => value || undefined),
  companySize: z.enum(CompanySize, "Choose your company's size"),
  topic: z.enum(Topic, "Choose what you would like to discuss"),
  message: z
    .preprocess((value) => normalizeParagraphs(asString(value)), z.string().max(5000, "Keep this to 5,000 characters or fewer"))
    .transform((value) => value || undefined),
  slot: z.iso.datetime("Choose a time for the call").transform((value) => new Date(value)),
  consent: z.literal("yes", "Agree to the privacy notice so we can contact you about this booking"),
});

export type BookingFormInput = z.input<typeof bookingFormSchema>;
export type BookingForm = z.output<typeof bookingFormSchema>;
export type BookingField = keyof BookingForm;
export const bookingFields = Object.keys(bookingFormSchema.shape) as BookingField[];

export type FieldErrors = Partial<Record<BookingField, string>>;

/** The first message for each field that failed, keyed by field name. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as BookingField;
    errors[field] ??= issue.message;
  }
  return errors;
}
