// The one table at the end of `npm run bench`: every figure of the issue's performance budget,
// each beside the baseline measured in the same run (bench/README.md, "The table").

const ms = (value) => (value == null || Number.isNaN(value) ? "-" : `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`);
const x = (value) => (value == null || !Number.isFinite(value) ? "-" : `${value.toFixed(2)}x`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const perSecond = (value) => `${value.toLocaleString("en-US", { maximumFractionDigits: value < 100 ? 1 : 0 })} req/s`;
const tail = (s) => (s.p50 > 0 ? x(s.p99 / s.p50) : "-");

const HEADER = ["", "measure", "figure", "p50", "p99", "p99/p50", "ratio", "ratio to / detail"];

/** A row that has no figure, only why: "not measured: …". */
const missing = (area, measure, why) => [area, measure, why, "", "", "", "", ""];

function articleRows({ pages, cluster }) {
  const { load, weight } = pages ?? {};
  const rows = [];
  const area = "article";
  if (load?.notMeasured) rows.push(missing(area, "load (wrk)", load.notMeasured));
  else if (load) {
    const { plain, article, floor } = load;
    const loadRow = (measure, s, ratio, against) => [area, measure, perSecond(s.perSecond), ms(s.p50), ms(s.p99), tail(s), ratio, against];
    rows.push(loadRow("plain node:http, the article's bytes from memory", plain, "1.00x", `baseline; ${plain.bytesPerRequest} B a response`));
    rows.push(loadRow("one server (npm start)", article, x(article.perSecond / plain.perSecond), `plain; ${article.bytesPerRequest} B a response`));
    rows.push(loadRow(`Next's floor: ${pages.floorPath}, one server`, floor, x(floor.perSecond / plain.perSecond), `plain; prerendered, ${floor.bytesPerRequest} B a response`));
    rows.push([area, "one server ÷ Next's floor", "", "", "", "", x(article.perSecond / floor.perSecond), `${pages.floorPath}'s req/s`]);
  }
  if (cluster) {
    if (!cluster.article || cluster.article.notMeasured) rows.push(missing(area, "through npm run cluster", cluster.article?.notMeasured ?? cluster.notMeasured ?? "not measured"));
    else {
      const s = cluster.article;
      rows.push([area, "through npm run cluster", perSecond(s.perSecond), ms(s.p50), ms(s.p99), tail(s), load?.plain ? x(s.perSecond / load.plain.perSecond) : "-", "plain (aim: at least 1.0x, p99 under 10 ms)"]);
    }
  }
  if (weight) {
    const { article: a, empty: e } = weight;
    rows.push(["weight", "article HTML, gzipped", kb(a.htmlGzip), "", "", "", x(a.htmlGzip / e.htmlGzip), `404 page: ${kb(e.htmlGzip)}; raw ${kb(a.htmlBytes)} (${kb(a.inlineScriptBytes)} inline script) vs ${kb(e.htmlBytes)}`]);
    rows.push(["weight", `article JavaScript, gzipped (${a.scripts.length} files)`, kb(a.jsGzip), "", "", "", x(e.jsGzip > 0 ? a.jsGzip / e.jsGzip : NaN), `404 page: ${kb(e.jsGzip)} in ${e.scripts.length} files; raw ${kb(a.jsBytes)} vs ${kb(e.jsBytes)}`]);
    rows.push(["weight", "article HTML + JavaScript, gzipped", kb(a.htmlGzip + a.jsGzip), "", "", "", x((a.htmlGzip + a.jsGzip) / (e.htmlGzip + e.jsGzip)), `404 page: ${kb(e.htmlGzip + e.jsGzip)}`]);
  }
  return rows;
}

function bookingRows({ levels = [], latency, profile, cluster, settings }) {
  const rows = [];
  const area = "booking";
  for (const { concurrency: c, baseline, health, app, appHanging, memory, opening } of levels) {
    const row = (measure, s, against) => [area, measure, perSecond(s.perSecond), ms(s.p50), ms(s.p99), tail(s), against ? x(s.perSecond / baseline.perSecond) : "1.00x", against ?? "baseline"];
    rows.push(row(`raw pg transaction, ${c} clients`, baseline));
    rows.push(row(`GET /api/health, ${c} clients`, health, `raw pg; p99 ${x(health.p99 / baseline.p99)} of its`));
    rows.push(row(`booking, one server, ${c} clients`, app, `raw pg; p99 ${x(app.p99 / baseline.p99)} of its`));
    if (appHanging) rows.push(row(`booking, provider hanging, ${c} clients`, appHanging, `raw pg; p99 ${x(appHanging.p99 / baseline.p99)} of its`));
    if (opening) rows.push([area, `booking, ${c} at once on new connections`, "", ms(opening.p50), ms(opening.p99), tail(opening), "", `the level's first ${opening.requests}, sent together; slowest ${ms(opening.max)} (Node accepts one connection per event-loop turn)`]);
    const cpu = app.cpu?.appServerMsPerRequest;
    const healthCpu = health.cpu?.appServerMsPerRequest;
    if (cpu !== undefined) rows.push([area, `server CPU a booking, ${c} clients`, ms(cpu), "", "", "", x(healthCpu ? cpu / healthCpu : NaN), `GET /api/health: ${ms(healthCpu)}`]);
    if (memory) rows.push(["memory", `server peak RSS, bookings at ${c} clients`, `${memory.peakMb.toFixed(0)} MB`, "", "", "", "", `aim: under 250 MB; high-water mark so far ${memory.highWaterMarkMb.toFixed(0)} MB`]);
  }
  if (cluster) {
    for (const c of settings.concurrency) {
      const s = cluster?.levels?.find((level) => level.concurrency === c);
      const oneServer = levels.find((level) => level.concurrency === c);
      const baseline = oneServer?.baseline;
      if (!s) rows.push(missing(area, `booking, through npm run cluster, ${c} clients`, cluster?.notMeasured ?? "not measured"));
      else {
        rows.push([area, `booking, through npm run cluster, ${c} clients`, perSecond(s.perSecond), ms(s.p50), ms(s.p99), tail(s), baseline ? x(s.perSecond / baseline.perSecond) : "-", baseline ? `raw pg; p99 ${x(s.p99 / baseline.p99)} of its` : "raw pg (not measured: BENCH_ONLY)"]);
        const parts = s.cpu?.serverPartsMsPerRequest;
        if (parts) {
          const one = oneServer?.app?.cpu?.appServerMsPerRequest;
          const split = Object.entries(parts).map(([part, value]) => `${part} ${ms(value)}`).join(", ");
          rows.push([area, `cluster CPU a booking, ${c} clients`, ms(s.cpu.appServerMsPerRequest), "", "", "", one ? x(s.cpu.appServerMsPerRequest / one) : "-", `one server: ${ms(one)}; ${split}; PostgreSQL ${ms(s.cpu.postgresMsPerRequest)}`]);
        }
      }
    }
  }
  if (profile?.msPerBooking !== undefined) rows.push(["cpu", `profiled: server CPU a booking, ${profile.concurrency} clients`, ms(profile.msPerBooking), "", "", "", "", "with --cpu-prof; where it goes: below"]);
  if (latency) {
    for (const [name, s] of [["commit → first email at the provider", latency.first], ["commit → both emails at the provider", latency.both]]) {
      rows.push(["email", name, "", ms(s.p50), ms(s.p99), tail(s), "", `${latency.measured} bookings one at a time, RESEND_MAX_PER_SECOND=${latency.resendPerSecond}`]);
    }
  }
  return rows;
}

function consultantRows({ consultants }) {
  if (!consultants) return [];
  return [["GET /book", consultants.render], ["booking", consultants.bookings]].map(([name, measure]) => {
    const s = measure.consultants;
    return ["consultants", `${name}, ${consultants.consultants} consultants, ${consultants.concurrency} clients`, perSecond(s.perSecond), ms(s.p50), ms(s.p99), tail(s), x(measure.ratio.throughput), `none: ${perSecond(measure.none.perSecond)}; p99 ${x(measure.ratio.p99)} of its`];
  });
}

function lighthouseRows({ pages }) {
  const lighthouse = pages?.lighthouse;
  if (!lighthouse) return [];
  if (lighthouse.notMeasured) return [missing("lighthouse", "home, article, /book", lighthouse.notMeasured)];
  return Object.entries(lighthouse).map(([page, result]) => {
    const measure = `${{ home: "home", article: "article", book: "/book" }[page]} (mobile)`;
    if (result.notMeasured) return missing("lighthouse", measure, result.notMeasured);
    const { performance, accessibility, "best-practices": bestPractices, seo } = result.scores;
    const scores = (result.runs ?? []).map((run) => run.performance);
    const range = scores.length > 1 ? `; performance ${Math.min(...scores)}-${Math.max(...scores)} over ${scores.length} runs (the median shown)` : "";
    return ["lighthouse", measure, `${performance}/${accessibility}/${bestPractices}/${seo}`, "", "", "", "", `LCP ${(result.lcpMs / 1000).toFixed(2)} s, TBT ${Math.round(result.tbtMs)} ms, CLS ${result.cls.toFixed(3)}${range}`];
  });
}

function adminRows({ admin }) {
  if (!admin) return [];
  if (admin.notMeasured) return [missing("admin", "list and search", admin.notMeasured)];
  const rows = admin.scenarios.map(({ name, page, direct }) => [
    "admin", `${name}, ${admin.leads.toLocaleString("en-US")} leads`, "", ms(page.p50), `p95 ${ms(page.p95)}`, "", x(page.p95 / direct.p95), `the query called directly: p95 ${ms(direct.p95)}`,
  ]);
  const e = admin.export;
  rows.push(["admin", "CSV export", `${(e.ms / 1000).toFixed(1)} s`, "", "", "", x(e.ms / e.directMs), `read directly: ${(e.directMs / 1000).toFixed(1)} s; ${e.rows.toLocaleString("en-US")} rows, ${e.megabytes.toFixed(1)} MB; RSS +${(e.rssMb.peak - e.rssMb.before).toFixed(0)} MB`]);
  return rows;
}

function table(rows) {
  const widths = HEADER.map((title, column) => Math.max(title.length, ...rows.filter((row) => row[3] !== "" || column < 3).map((row) => row[column].length)));
  return [HEADER, ...rows].map((row) => {
    // A "not measured" row says why across the figure columns.
    if (row.slice(3).every((cell) => cell === "")) return row.slice(0, 3).map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell)).join("  ").trimEnd();
    return row.map((cell, column) => cell.padEnd(widths[column])).join("  ").trimEnd();
  }).join("\n");
}

/** The performance budget as one table (see bench/README.md, "The table"). */
export function formatBudget(report) {
  const { settings, environment } = report;
  const rows = [...articleRows(report), ...bookingRows(report), ...consultantRows(report), ...lighthouseRows(report), ...adminRows(report)];
  const load = environment.loadAverageBefore[0];
  const a = settings.article;
  const how = [
    report.pages?.load && !report.pages.load.notMeasured && `article: wrk -t${a.threads} -c${a.connections} -d${a.seconds}s with browsers' Accept-Encoding`,
    report.levels && "booking: closed-loop clients",
    report.pages?.lighthouse && "lighthouse: performance/accessibility/best practices/SEO",
  ].filter(Boolean);
  return [
    `Performance budget (${report.commit}; Node ${environment.node}; load average ${load.toFixed(2)} on ${environment.cpus} CPUs at the start${load > environment.cpus / 2 ? ": a busy machine, noisy figures" : ""}).`,
    how.length > 0 && `${how.join("; ")}.`,
    table(rows),
  ].filter(Boolean).join("\n");
}

/** Where the server's CPU went during the profiled bookings: groups, then the top functions by self time. */
export function formatCpuProfile(profile) {
  const lines = [
    `Where the server's CPU goes: ${profile.bookings} bookings at ${profile.concurrency} clients under --cpu-prof, ${profile.busyMs} ms of CPU on its main thread ` +
      `(${profile.msPerBooking} ms a booking)${profile.windowed ? "" : ", over the process's whole life (the load's window could not be placed in the profile)"}; self time:`,
    ...profile.groups.map(({ name, percent }) => `  ${`${percent.toFixed(1)}%`.padStart(6)}  ${name}${name === "other libraries" ? `: ${profile.otherLibraries.map((l) => `${l.name} ${l.percent.toFixed(1)}%`).join(", ")}` : ""}`),
    "Functions with the most self time:",
    ...profile.topFunctions.map(({ name, percent }) => `  ${`${percent.toFixed(1)}%`.padStart(6)}  ${name}`),
  ];
  return lines.join("\n");
}
