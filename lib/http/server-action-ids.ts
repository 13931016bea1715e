import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

type ServerReferenceManifest = { node?: Record<string, { filename?: string; exportedName?: string }> };

/** The build's id for the server action `exportedName` of `filename` (as app/…/actions.ts); undefined when the build has none. */
export function serverActionId(distDir: string, filename: string, exportedName: string): string | undefined {
  const file = path.join(distDir, "server", "server-reference-manifest.json");
  if (!existsSync(file)) return undefined;
  const manifest = JSON.parse(readFileSync(file, "utf8")) as ServerReferenceManifest;
  return Object.entries(manifest.node ?? {}).find(([, action]) => action.filename === filename && action.exportedName === exportedName)?.[0];
}
