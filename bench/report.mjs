// The printed tables and the ratios in them.

const ms = (value) => `${value.toFixed(1)} ms`;
const ratio = (value) => `${value.toFixed(2)}x`;

/** app ÷ baseline: throughput (1 = as fast as the bare transaction) and p99 (1 = as quick). */
export const ratios = (app, baseline) => ({
  throughput: Number((app.perSecond / baseline.perSecond).toFixed(3)),
  p99: Number((app.p99 / baseline.p99).toFixed(3)),
});

/** hanging ÷ ok, the same two figures: 1 means a hanging provider does not slow bookings. */
export const hangingVsOk = (hanging, ok) => ratios(hanging, ok);

/** with consultants ÷ without: p50 and p99 (above 1 is slower) and throughput (below 1 is slower). */
export const consultantRatios = (withThem, none) => ({
  p50: Number((withThem.p50 / none.p50).toFixed(3)),
  ...ratios(withThem, none),
});

function table(header, rows) {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  return [header, ...rows].map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join("  ").trimEnd()).join("\n");
}

export function formatResults(levels, latency, settings) {
  const pace = `RESEND_MAX_PER_SECOND=${settings.resendPerSecond}, EMAIL_SEND_TIMEOUT_SECONDS=${settings.sendTimeoutSeconds}`;
  const main = table(
    ["concurrency", "provider", "app req/s", "app p50", "app p99", "baseline req/s", "baseline p99", "throughput ratio", "p99 ratio"],
    levels.flatMap(({ concurrency, app, appHanging, baseline, ratio: r, ratioHanging }) =>
      [["ok", app, r], ["hanging", appHanging, ratioHanging]].filter(([, stage]) => stage).map(([provider, stage, r]) => [
        String(concurrency), provider, stage.perSecond.toFixed(1), ms(stage.p50), ms(stage.p99),
        baseline.perSecond.toFixed(1), ms(baseline.p99), ratio(r.throughput), ratio(r.p99),
      ]),
    ),
  );
  const hanging = table(
    ["concurrency", "throughput hanging/ok", "p99 hanging/ok", "req/s of each block: ok | hanging", "emails accepted | sends left hanging"],
    levels.filter((level) => level.appHanging).map(({ concurrency, app, appHanging, hangingVsOk: h }) => [
      String(concurrency), ratio(h.throughput), ratio(h.p99),
      `${app.blocksPerSecond.map((n) => n.toFixed(0)).join(", ")} | ${appHanging.blocksPerSecond.map((n) => n.toFixed(0)).join(", ")}`,
      `${app.provider.accepted} | ${appHanging.provider.unanswered}`,
    ]),
  );
  const sends = table(
    ["emails", "p50", "p90", "p99", "max"],
    [["first of the two", latency.first], ["both", latency.both]].map(([name, s]) => [name, ms(s.p50), ms(s.p90), ms(s.p99), ms(s.max)]),
  );
  const cpu = (stage, key) => (stage.cpu?.[key] === undefined ? "-" : `${stage.cpu[key].toFixed(2)} ms`);
  const detail = table(
    ["concurrency", "stage", "requests", "seconds", "req/s", "p50", "p90", "p99", "max", "app CPU/req", "postgres CPU/req", "client CPU/req", "others' CPU"],
    levels.flatMap(({ concurrency, ...stages }) =>
      ["baseline", "health", "app", "appHanging"].filter((name) => stages[name]).map((name) => {
        const stage = stages[name];
        return [
          String(concurrency), stage.stage, String(stage.requests), stage.seconds.toFixed(1), stage.perSecond.toFixed(1),
          ms(stage.p50), ms(stage.p90), ms(stage.p99), ms(stage.max),
          cpu(stage, "appServerMsPerRequest"), cpu(stage, "postgresMsPerRequest"), cpu(stage, "loadGeneratorMsPerRequest"),
          stage.cpu?.otherCpuPercent === undefined ? "-" : `${stage.cpu.otherCpuPercent.toFixed(0)}%`,
        ];
      }),
    ),
  );
  return [
    main,
    levels.some((level) => level.appHanging) && `Provider hanging vs answering, in blocks ok, hanging, hanging, ok (the outbox worker runs in the app server, ${pace}; a hanging provider must not slow bookings):\n${hanging}`,
    `Commit → emails at the provider: the confirmation and staff notification of ${latency.measured} bookings made one at a time ` +
      `(on the server restarted with RESEND_MAX_PER_SECOND=${latency.resendPerSecond}; from the lead's createdAt to the fake's receipt):\n${sends}`,
    `All stages (health = GET /api/health, the framework's round trip with one SELECT 1; app-hanging = app with the provider hanging):\n${detail}`,
  ].filter(Boolean).join("\n\n");
}

export function formatConsultants(stage) {
  const label = { none: "none", consultants: `${stage.consultants}` };
  const measures = [["GET /book", stage.render], ["booking", stage.bookings]];
  const cpu = (s, key) => (s.cpu?.[key] === undefined ? "-" : `${s.cpu[key].toFixed(2)} ms`);
  const figures = table(
    ["measure", "consultants", "requests", "req/s", "p50", "p90", "p99", "slots offered", "app CPU/req", "postgres CPU/req", "others' CPU"],
    measures.flatMap(([name, measure]) => ["none", "consultants"].map((mode) => {
      const s = measure[mode];
      const offered = s.slotsOffered ? [...new Set([Math.min(...s.slotsOffered), Math.max(...s.slotsOffered)])].join(" to ") : "-";
      return [
        name, label[mode], String(s.requests), s.perSecond.toFixed(1), ms(s.p50), ms(s.p90), ms(s.p99), offered,
        cpu(s, "appServerMsPerRequest"), cpu(s, "postgresMsPerRequest"),
        s.cpu?.otherCpuPercent === undefined ? "-" : `${s.cpu.otherCpuPercent.toFixed(0)}%`,
      ];
    })),
  );
  const compared = table(
    ["measure", "p50 ratio", "p99 ratio", "throughput ratio", `req/s of each block: none | ${stage.consultants} consultants`],
    measures.map(([name, { none, consultants, ratio: r }]) => [
      name, ratio(r.p50), ratio(r.p99), ratio(r.throughput),
      `${none.blocksPerSecond.map((n) => n.toFixed(1)).join(", ")} | ${consultants.blocksPerSecond.map((n) => n.toFixed(1)).join(", ")}`,
    ]),
  );
  const setup = ({ slotMinutes, horizonDays, busyShare }) =>
    `${slotMinutes}-minute calls over ${horizonDays} days, consultants busy for ${busyShare.map((share) => `${Math.round(share * 100)}%`).join(", ")} of the slots`;
  return [
    `Consultants: ${stage.consultants} consultants with ${stage.busyEach} busy intervals each, against none; ${stage.concurrency} clients; ` +
      `blocks ${stage.order.join(", ")}, each measure on one server. GET /book: the full render with its slot list (${setup(stage.render.setup)}). ` +
      `booking: as in the app stage (${setup(stage.bookings.setup)}):\n${figures}`,
    `With ${stage.consultants} consultants ÷ without (the aim: within 1.2x, i.e. latency ratios up to 1.2x and throughput down to 0.83x):\n${compared}`,
  ].join("\n\n");
}
