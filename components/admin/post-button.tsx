/** One button that posts a few fixed fields to a server action: works without JavaScript. */
export function PostButton({ action, fields, label }: { action: (formData: FormData) => Promise<void>; fields: Record<string, string>; label: string }) {
  return (
    <form action={action}>
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <button type="submit" className="rounded border border-slate-500 px-2 py-1 text-sm">{label}</button>
    </form>
  );
}
