/** Where the edge (scripts/serve.ts) puts the client's address, after removing any a client sent. */
export const CLIENT_ADDRESS_HEADER = "x-client-address";
// Set by the edge in its own process: without it (a bare `next start` or `next dev`) nothing has
// settled the header, so a client could have written it, and it is not believed.
export const EDGE_MARKER = "SITE_EDGE_SETTLES_CLIENT_ADDRESS";

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

/** The client's address the edge settled, or "unknown" when no edge is in front. */
export function clientAddressOf(headers: HeaderSource | undefined): string {
  if (process.env[EDGE_MARKER] !== "1" || !headers) return "unknown";
  const value = typeof headers.get === "function" ? (headers as { get(name: string): string | null }).get(CLIENT_ADDRESS_HEADER) : (headers as Record<string, unknown>)[CLIENT_ADDRESS_HEADER];
  return typeof value === "string" && value ? value : "unknown";
}
