/**
 * Spaces out calls to a provider that allows `perSecond` requests: each `take()` resolves no sooner
 * than 1/perSecond after the previous one, and `pauseFor` holds everyone back when the provider
 * says it has had enough. One pacer per process: several processes each keep their own pace.
 */
export type Pacer = {
  take(signal?: AbortSignal): Promise<void>;
  pauseFor(seconds: number): void;
};

export function createPacer(perSecond: number, clock: () => number = Date.now): Pacer {
  const intervalMs = 1000 / perSecond;
  let nextFreeAt = 0;
  return {
    async take(signal) {
      const now = clock();
      const at = Math.max(now, nextFreeAt);
      nextFreeAt = at + intervalMs;
      if (at > now) await delay(at - now, signal);
    },
    pauseFor(seconds) {
      nextFreeAt = Math.max(nextFreeAt, clock() + seconds * 1000);
    },
  };
}

/** Resolves after `ms`, or as soon as `signal` aborts. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
