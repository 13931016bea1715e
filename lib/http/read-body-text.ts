/** A request's body as text, reading no further than `maxBytes`: past it, "too-large". */
export async function readBodyText(request: Request, maxBytes: number): Promise<string | "too-large"> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > maxBytes) return "too-large";
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return "too-large";
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
