// The printed table and the ratios in it.

const ms = (value) => `${value.toFixed(1)} ms`;
const ratio = (value) => `${value.toFixed(2)}x`;

/** app ÷ baseline: throughput (1 = as fast as the bare transaction) and p99 (1 = as quick). */
export const ratios = (app, baseline) => ({
  throughput: Number((app.perSecond / baseline.perSecond).toFixed(3)),
  p99: Number((app.p99 / baseline.p99).toFixed(3)),
});

function table(header, rows) {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  return [header, ...rows].map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join("  ").trimEnd()).join("\n");
}

export function formatResults(levels) {
  const main = table(
    ["concurrency", "app req/s", "app p50", "app p99", "baseline req/s", "baseline p99", "throughput ratio", "p99 ratio"],
    levels.map(({ concurrency, app, baseline, ratio: r }) => [
      String(concurrency), app.perSecond.toFixed(1), ms(app.p50), ms(app.p99),
      baseline.perSecond.toFixed(1), ms(baseline.p99), ratio(r.throughput), ratio(r.p99),
    ]),
  );
  const cpu = (stage, key) => (stage.cpu?.[key] === undefined ? "-" : `${stage.cpu[key].toFixed(2)} ms`);
  const detail = table(
    ["concurrency", "stage", "requests", "seconds", "req/s", "p50", "p90", "p99", "max", "app CPU/req", "postgres CPU/req", "client CPU/req"],
    levels.flatMap(({ concurrency, ...stages }) =>
      ["baseline", "health", "app"].map((name) => {
        const stage = stages[name];
        return [
          String(concurrency), name, String(stage.requests), stage.seconds.toFixed(1), stage.perSecond.toFixed(1),
          ms(stage.p50), ms(stage.p90), ms(stage.p99), ms(stage.max),
          cpu(stage, "appServerMsPerRequest"), cpu(stage, "postgresMsPerRequest"), cpu(stage, "loadGeneratorMsPerRequest"),
        ];
      }),
    ),
  );
  return `${main}\n\nAll stages (health = GET /api/health, the framework's round trip with one SELECT 1):\n${detail}`;
}
