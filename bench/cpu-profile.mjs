// Where the app server's CPU goes: a V8 CPU profile (node --cpu-prof) summarised by self time,
// each function traced back through the source maps that ship with Next's runtime and the build,
// then grouped: React's rendering, Next's action handling and the rest of Next, Prisma, pg, Node's
// own modules, our code, other libraries, garbage collection.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const maps = new Map(); // file path → SourceMap | null

function sourceMapOf(file) {
  if (!maps.has(file)) {
    let map = null;
    try {
      if (existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")));
    } catch {
      map = null; // unreadable map: the bundle's own path stands
    }
    maps.set(file, map);
  }
  return maps.get(file);
}

/**
 * Where a profiled frame's code is: its file, then the original source where a source map says
 * (Next's runtime bundles React and Next's own sources; Prisma's runtime maps to relative paths).
 */
function originalSource({ url, lineNumber, columnNumber }) {
  if (!url.startsWith("file://")) return url;
  const file = fileURLToPath(url);
  const entry = sourceMapOf(file)?.findEntry(lineNumber, columnNumber);
  return entry?.originalSource ? `${file} → ${entry.originalSource}` : file;
}

const GROUPS = [
  ["garbage collection", (source, name) => name === "(garbage collector)"],
  ["V8 and native code ((program))", (source, name) => name === "(program)"],
  ["React rendering (react-dom, react-server-dom)", (source) => /react-dom|react-server-dom|\/react\/|scheduler/.test(source)],
  ["Next.js: server actions", (source) => /next\b.*\bapp-render\/action|server-action|action-handler|action-encryption/.test(source)],
  ["Next.js: the rest (routing, app render, request handling)", (source) => /node_modules\/next\/|\bnext\/dist\/|\bnext\/src\/|\[externals\]|\[turbopack\]/.test(source)],
  ["Prisma", (source) => /@prisma|lib\/db\/generated|prisma|query_compiler|^wasm:/.test(source)],
  ["pg (node-postgres)", (source) => /node_modules\/(pg|pg-protocol|pg-pool|pg-types)\//.test(source)],
  ["Node.js itself (http, streams, crypto, …)", (source) => source.startsWith("node:") || /^internal\//.test(source) || source === ""],
  ["our code (app, components, lib, scripts)", (source) => /(^|\/|\[project\]\/)(app|components|lib|scripts|instrumentation|proxy)[/.]/.test(source.split(" → ").at(-1)) && !source.split(" → ").at(-1).includes("node_modules")],
];

const packageOf = (source) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(decodeURIComponent(source))?.[1];

/** Now on the clock V8 stamps its profiles with (CLOCK_MONOTONIC, as process.hrtime), in µs. */
export const monotonicMicroseconds = () => Number(process.hrtime.bigint() / 1000n);

/**
 * Summarises a .cpuprofile: total busy milliseconds (without idle), the share of each group, and
 * the functions with the most self time. With `window` ({ fromUs, toUs } from
 * monotonicMicroseconds), only the samples taken in it: the load, not the server's start.
 */
export function summariseProfile(file, { top = 10, window } = {}) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const inWindow = window && window.fromUs >= profile.startTime && window.toUs <= profile.endTime;
  const selfUs = new Map();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i];
    if (inWindow && (at < window.fromUs || at > window.toUs)) continue;
    const delta = profile.timeDeltas[i + 1] ?? 0; // a sample's time runs until the next one
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + delta);
  }
  const groups = new Map();
  const functions = new Map();
  const libraries = new Map();
  let busyUs = 0;
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const { callFrame } = nodes.get(id);
    const name = callFrame.functionName;
    if (name === "(idle)") {
      idleUs += us;
      continue;
    }
    busyUs += us;
    const source = originalSource(callFrame);
    const shortSource = source.split(" → ").at(-1).replace(/^.*node_modules\//, "").replace(/^turbopack:\/\/\/\[project\]\//, "").replace(`${process.cwd()}/`, "");
    let group = GROUPS.find(([, test]) => test(source, name))?.[0];
    if (!group) {
      const library = packageOf(source.split(" → ").at(-1)) ?? packageOf(source) ?? path.basename(source);
      libraries.set(library, (libraries.get(library) ?? 0) + us);
      group = "other libraries";
    }
    groups.set(group, (groups.get(group) ?? 0) + us);
    const key = `${name || "(anonymous)"}  ${shortSource}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
  }
  const share = (us) => Number(((100 * us) / busyUs).toFixed(1));
  const sorted = (map) => [...map].sort(([, a], [, b]) => b - a);
  return {
    // false: the window did not fall within the profile (the clocks disagree), so this is the whole process's life
    windowed: Boolean(inWindow),
    busyMs: Math.round(busyUs / 1000),
    idleMs: Math.round(idleUs / 1000),
    groups: sorted(groups).map(([name, us]) => ({ name, percent: share(us) })),
    otherLibraries: sorted(libraries).slice(0, 5).map(([name, us]) => ({ name, percent: share(us) })),
    topFunctions: sorted(functions).slice(0, top).map(([name, us]) => ({ name, percent: share(us) })),
  };
}

/** The main thread's profile that node --cpu-prof wrote into `dir` (CPU.date.time.pid.THREAD.seq; worker threads write their own). */
export function profileIn(dir) {
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => /\.\d+\.0\.\d+\.cpuprofile$/.test(name)) : [];
  return files.length === 0 ? undefined : path.join(dir, files.sort().at(-1));
}
