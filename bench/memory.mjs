// The app server's resident memory during a stage: VmRSS sampled every 100 ms, and VmHWM, the
// kernel's own high-water mark over the process's life (Linux /proc; elsewhere left out).
import { existsSync, readFileSync } from "node:fs";

const kilobytes = (pid, field) => {
  try {
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN);
  } catch {
    return NaN; // the process is gone
  }
};
const megabytes = (kb) => Number((kb / 1024).toFixed(1));

/** Starts sampling; the returned function stops and gives the peak sampled RSS and the high-water mark, in MB. */
export function trackRss(pid) {
  if (!existsSync(`/proc/${pid}/status`)) return () => undefined;
  const start = kilobytes(pid, "VmRSS");
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, kilobytes(pid, "VmRSS") || 0)), 100);
  return () => {
    clearInterval(timer);
    return { startMb: megabytes(start), peakMb: megabytes(Math.max(peak, kilobytes(pid, "VmRSS") || 0)), highWaterMarkMb: megabytes(kilobytes(pid, "VmHWM")) };
  };
}
