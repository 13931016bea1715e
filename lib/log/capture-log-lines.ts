import { setLogDestination } from "./logger";

export type CapturedLog = {
  /** Every line written since capture began, exactly as it would have reached stdout. */
  raw: string[];
  /** The same lines parsed; throws if one is not JSON. */
  entries(): Array<Record<string, unknown>>;
  stop(): void;
};

/** For tests: the logger's lines go here rather than to stdout until stop(). */
export function captureLogLines(): CapturedLog {
  const raw: string[] = [];
  setLogDestination({ write: (line: string) => void raw.push(line) });
  return {
    raw,
    entries: () => raw.flatMap((chunk) => chunk.split("\n").filter(Boolean)).map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: () => setLogDestination(undefined),
  };
}
