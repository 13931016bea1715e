import { attributes, parseBookingForm } from "../booking-http";

// The site's real forms, read from their pages as a browser without JavaScript sees them: every
// field a form posts (its hidden inputs with the server action's id and the form's token, and what
// a person would type or choose), in the order the browser sends them. The junk flood starts from
// these and breaks them.

export type FormField = { name: string; value: string };

export type RealForm = {
  /** What the flood calls it in its report. */
  name: string;
  /** Where the form posts (every form here posts back to its own page). */
  path: string;
  fields: FormField[];
  /** The server action's id, from the hidden inputs. */
  actionId: string;
};

/** The posted forms of a page, each as its tags' attributes (inputs, selects and textareas). */
function postedForms(html: string): Array<Array<{ tag: string; attrs: Record<string, string> }>> {
  return [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)]
    .filter(([form]) => !/method="get"/i.test(form.slice(0, form.indexOf(">"))))
    .map(([, inner]) => [...inner!.matchAll(/<(input|select|textarea)\b[^>]*>/g)].map(([tag, kind]) => ({ tag: kind!, attrs: attributes(tag) })));
}

/** The action id a form's hidden inputs carry: in `$ACTION_1:0` for a form with state, in the name `$ACTION_ID_…` without. */
function actionIdOf(fields: FormField[]): string | undefined {
  const bound = fields.find((field) => /^\$ACTION_\d+:0$/.test(field.name));
  if (bound) return (JSON.parse(bound.value) as { id?: string }).id;
  return fields.find((field) => field.name.startsWith("$ACTION_ID_"))?.name.slice("$ACTION_ID_".length);
}

/**
 * The form on `path`'s page that has an input named `marker`, as a browser would post it with
 * `answers` typed in (and anything else as the page left it: hidden values, checked radios).
 */
export async function loadRealForm(baseUrl: string, path: string, name: string, marker: string, answers: Record<string, string>, headers: Record<string, string> = {}): Promise<RealForm> {
  const response = await fetch(new URL(path, baseUrl), { headers });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  const form = postedForms(html).find((inputs) => inputs.some((input) => input.attrs.name === marker));
  if (!form) throw new Error(`no form with a field named ${marker} on ${path}`);
  const fields: FormField[] = [];
  const seen = new Set<string>();
  for (const { tag, attrs } of form) {
    const fieldName = attrs.name;
    if (!fieldName || seen.has(fieldName)) continue;
    if (attrs.type === "radio" || attrs.type === "checkbox") {
      if (!(fieldName in answers)) continue;
    }
    if (tag === "input" && attrs.type === "submit") continue;
    seen.add(fieldName);
    fields.push({ name: fieldName, value: answers[fieldName] ?? attrs.value ?? "" });
  }
  for (const [fieldName, value] of Object.entries(answers)) if (!seen.has(fieldName)) fields.push({ name: fieldName, value });
  const actionId = actionIdOf(fields);
  if (!actionId) throw new Error(`the form on ${path} carries no server action id`);
  return { name, path, fields, actionId };
}

/** Every open time the page's radios named `slot` offer (the booking page's, or the manage page's). */
export async function offeredSlots(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<string[]> {
  return parseBookingForm(await (await fetch(new URL(path, baseUrl), { headers })).text()).slots;
}
