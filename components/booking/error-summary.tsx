import type { FieldErrors } from "@/lib/booking/booking-form-schema";
import { fieldId } from "./field-ids";

/** The list of problems at the top of the form, each linking to its field; takes focus when the form comes back with it. */
export function ErrorSummary(props: { errors: FieldErrors; formError?: string; labels: Record<string, string>; answer: number }) {
  const { errors, formError, labels, answer } = props;
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (entries.length === 0 && !formError) return null;
  return (
    <div
      tabIndex={-1}
      // Rendered on the server only: the browser focuses it as the page loads, with or without JavaScript.
      autoFocus={answer > 0}
      role="alert"
      aria-labelledby="error-summary-title"
      className="rounded-md border-2 border-red-700 p-4 focus:outline-none focus:ring-4 focus:ring-red-700/30 dark:border-red-400"
    >
      <h2 id="error-summary-title" className="text-lg font-semibold">
        {formError && entries.length === 0 ? "Your booking was not made" : "There is a problem"}
      </h2>
      {formError ? <p className="mt-2">{formError}</p> : null}
      {entries.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {entries.map(([name, message]) => (
            <li key={name}>
              <a className="text-red-800 underline dark:text-red-300" href={`#${fieldId(name)}`}>
                {labels[name] ? `${labels[name]}: ` : ""}
                {message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
