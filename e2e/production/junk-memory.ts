import { readFileSync } from "node:fs";

// The server's resident memory, read from /proc while the flood runs.

export type MemorySample = { at: number; progress: number; rssMb: number };

function statusField(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/** Resident memory now, in MB. */
export const residentMb = (pid: number) => statusField(pid, "VmRSS");
/** The most the process has ever held resident (the kernel's high-water mark), in MB: no peak falls between samples. */
export const peakResidentMb = (pid: number) => statusField(pid, "VmHWM");

/** Samples `pid`'s RSS every `everyMs` until stopped; `progress()` tells how far the run is (requests answered). */
export function watchMemory(pid: number, progress: () => number, everyMs = 200): { stop: () => MemorySample[] } {
  const samples: MemorySample[] = [];
  const take = () => {
    try {
      samples.push({ at: Date.now(), progress: progress(), rssMb: residentMb(pid) });
    } catch {
      // The process has gone; the test sees that from its answers.
    }
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}
