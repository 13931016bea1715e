/**
 * A server action's form post as React writes it into a form drawn on the server, so that it works
 * without JavaScript: `$ACTION_REF_n` names the fields of one action, `$ACTION_n:0` holds
 * `{"id": …, "bound": "$@1"}` and `$ACTION_n:1` the bound arguments (a useActionState form's last
 * state) as a JSON array, in React's reply encoding.
 */
export type ServerActionForm = { actionId: string; boundArguments: unknown[] };

/** Thrown inside the reviver: the arguments hold a value only React's own decoder reads. */
class NotPlainJson extends Error {}

/**
 * React's reply encoding is JSON in which a string starting with "$" is a reference or a special
 * value: "$$…" is the string "$…" and "$undefined" is undefined. Anything else (dates, maps, files,
 * references to other fields) is not what a form's state holds: undefined then, and Next.js decodes it.
 */
function parsePlainReply(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value !== "string" || !value.startsWith("$")) return value;
    if (value.startsWith("$$")) return value.slice(1);
    if (value === "$undefined") return undefined;
    throw new NotPlainJson();
  });
}

const field = (formData: FormData, name: string): string | undefined => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

/**
 * The action a form post names and the arguments bound to it, read as React's decodeAction reads
 * them (the first `$ACTION_REF_`/`$ACTION_ID_` field decides); undefined when the post names no
 * action this way or holds anything but plain values.
 */
export function readServerActionForm(formData: FormData): ServerActionForm | undefined {
  const first = [...formData.keys()].find((key) => key.startsWith("$ACTION_REF_") || key.startsWith("$ACTION_ID_"));
  if (!first?.startsWith("$ACTION_REF_")) return undefined;
  const prefix = `$ACTION_${first.slice("$ACTION_REF_".length)}:`;
  try {
    const meta = JSON.parse(field(formData, `${prefix}0`) ?? "") as unknown;
    if (typeof meta !== "object" || meta === null) return undefined;
    const { id, bound } = meta as { id?: unknown; bound?: unknown };
    if (typeof id !== "string") return undefined;
    if (bound === null) return { actionId: id, boundArguments: [] };
    const reference = typeof bound === "string" ? /^\$@([0-9a-f]+)$/.exec(bound) : null;
    if (!reference) return undefined;
    const boundArguments = parsePlainReply(field(formData, `${prefix}${Number.parseInt(reference[1]!, 16)}`) ?? "");
    return Array.isArray(boundArguments) ? { actionId: id, boundArguments } : undefined;
  } catch {
    return undefined;
  }
}
