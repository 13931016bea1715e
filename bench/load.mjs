// A closed-loop load generator: `concurrency` clients, each sending its next request as soon as
// the previous one is answered, until `count` requests were sent or `maxSeconds` passed.

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Runs `task(index)` for index = 0, 1, 2, … from `concurrency` clients. A task resolves to
 * `{ ok, detail? }` or throws; either way its latency counts. Returns each latency in ms, the
 * failures and the wall time, for `summarize`, and apart the latencies of the first request of
 * each client (`openingLatencies`: sent all at once, on new connections unless the agent has them).
 */
export async function runLoad({ concurrency, count, maxSeconds, task }) {
  const latencies = [];
  const openingLatencies = [];
  const failures = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;

  async function client() {
    while (next < count && performance.now() < deadline) {
      const index = next++;
      const sent = performance.now();
      let outcome;
      try {
        outcome = await task(index);
      } catch (error) {
        outcome = { ok: false, detail: `error: ${error.message}` };
      }
      latencies.push(performance.now() - sent);
      if (index < concurrency) openingLatencies.push(latencies.at(-1));
      if (!outcome.ok) failures.push({ index, ...outcome });
    }
  }
  await Promise.all(Array.from({ length: concurrency }, client));
  return { concurrency, latencies, openingLatencies, failures, seconds: (performance.now() - started) / 1000 };
}

/** Throughput and latency percentiles of one or more runs of `runLoad` taken together. */
export function summarize(runs) {
  const { requests, ...percentiles } = summarizeLatencies(runs.flatMap((run) => run.latencies));
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  return {
    concurrency: runs[0].concurrency,
    requests,
    failures: runs.flatMap((run) => run.failures),
    seconds: round(seconds, 2),
    perSecond: round(requests / seconds, 1),
    ...percentiles,
  };
}

/** The count, p50, p90, p99 and max of a set of latencies (ms). */
export function summarizeLatencies(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p) => round(percentile(sorted, p), 2);
  return { requests: sorted.length, p50: at(50), p90: at(90), p99: at(99), max: round(sorted.at(-1) ?? NaN, 2) };
}

export const round = (value, digits) => Number(value.toFixed(digits));
