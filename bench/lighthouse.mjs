// Lighthouse (the npm package, its CLI) on a page of the running server, as a phone sees it: its
// default mobile emulation and simulated throttling, with Debian's Chromium (CHROME_PATH).
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const cli = path.join("node_modules", ".bin", "lighthouse");
export const chromePath = () => process.env.CHROME_PATH || "/usr/bin/chromium";
export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

/** Undefined when Lighthouse can run here; otherwise the sentence to print in its rows. */
export function lighthouseMissing() {
  if (!existsSync(cli)) return "not measured: lighthouse is not installed (npm install)";
  if (!existsSync(chromePath())) return `not measured: no Chromium at ${chromePath()} (apt-get install -y chromium, or set CHROME_PATH)`;
  return undefined;
}

/** Audits `url`; resolves with the four category scores (0–100) and LCP, TBT (ms) and CLS. */
export async function audit(url, { outputFile, debuggingPort }) {
  const args = [
    url,
    "--output=json",
    `--output-path=${outputFile}`,
    `--only-categories=${CATEGORIES.join(",")}`,
    `--port=${debuggingPort}`, // Chromium's DevTools port: one the bench owns
    "--chrome-flags=--headless=new --no-sandbox",
    "--quiet",
  ];
  await new Promise((resolve, reject) => {
    const child = spawn(cli, args, { env: { ...process.env, CHROME_PATH: chromePath() }, stdio: ["ignore", "ignore", "pipe"] });
    let errors = "";
    child.stderr.on("data", (chunk) => (errors += chunk));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse exited ${code}: ${errors.trim().slice(-400)}`))));
  });
  const report = JSON.parse(readFileSync(outputFile, "utf8"));
  if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.code}: ${report.runtimeError.message}`);
  const score = (id) => (report.categories[id]?.score == null ? null : Math.round(report.categories[id].score * 100));
  const value = (id) => report.audits[id]?.numericValue ?? null;
  return {
    url,
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, score(id)])),
    lcpMs: value("largest-contentful-paint"),
    tbtMs: value("total-blocking-time"),
    cls: value("cumulative-layout-shift"),
    // What cost points, for the reader of the JSON: failing audits with a weight in their category.
    failing: Object.values(report.categories).flatMap((category) =>
      category.auditRefs.filter((ref) => ref.weight > 0 && report.audits[ref.id]?.score !== null && report.audits[ref.id]?.score < 0.9).map((ref) => `${category.id}: ${ref.id}`),
    ),
    warnings: report.runWarnings ?? [],
  };
}

/**
 * `audit`, run again up to twice when Lighthouse fails to record the page (its runtime errors, such
 * as NO_NAVSTART, end "Please run Lighthouse again"); a page that fails three times is reported.
 */
export async function auditRetrying(url, options, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await audit(url, options);
    } catch (error) {
      if (attempt >= attempts || !/run Lighthouse again|NO_NAVSTART|NO_FCP/i.test(error.message)) throw error;
    }
  }
}

/** The run with the median performance score, with every run's performance score and TBT beside it. */
export function medianRun(runs) {
  const byScore = [...runs].sort((a, b) => a.scores.performance - b.scores.performance);
  const median = byScore[Math.floor((byScore.length - 1) / 2)];
  return { ...median, runs: runs.map((run) => ({ performance: run.scores.performance, tbtMs: run.tbtMs, lcpMs: run.lcpMs })) };
}
