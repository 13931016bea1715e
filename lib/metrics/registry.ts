import { Registry, collectDefaultMetrics } from "prom-client";

// One registry per process, on globalThis: scripts/serve.ts (request latency) and Next's server
// bundle (bookings, the in-app worker, /api/metrics) each load their own copy of lib/.
const key = Symbol.for("consulting-site.metrics");
type ProcessMetrics = { registry: Registry; metrics: Map<string, unknown> };
const processWide = globalThis as { [key]?: ProcessMetrics };

function processMetrics(): ProcessMetrics {
  if (!processWide[key]) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    processWide[key] = { registry, metrics: new Map() };
  }
  return processWide[key];
}

export function metricsRegistry(): Registry {
  return processMetrics().registry;
}

/** The process's one instance of a metric, made by `create` (which registers it) the first time. */
export function processMetric<T>(name: string, create: (registry: Registry) => T): T {
  const { registry, metrics } = processMetrics();
  if (!metrics.has(name)) metrics.set(name, create(registry));
  return metrics.get(name) as T;
}
