/**
 * Waiting for a condition that events make true, with a deadline: the only
 * kind of waiting `check` does (never a sleep that hopes something happened).
 */

/** A wait ran out of time: `what` names what never happened. */
export class WaitTimeout extends Error {
  readonly what: string;
  constructor(what: string, timeoutMs: number) {
    super(`Waited ${(timeoutMs / 1000).toFixed(1)} s for ${what}, in vain.`);
    this.name = 'WaitTimeout';
    this.what = what;
  }
}

/**
 * Resolves once `test()` returns true, re-testing whenever a listener in
 * `changed` is called; rejects when `test` throws, on timeout, or on abort.
 *
 * @example
 *   const changed = new Set<() => void>();
 *   emitter.on('data', () => changed.forEach((f) => f()));
 *   await waitUntil(() => seen.length >= 3, changed, { timeoutMs: 5000, what: 'three messages' });
 */
export function waitUntil(test: () => boolean, changed: Set<() => void>, options: { timeoutMs: number; what: string; signal?: AbortSignal }): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timeoutMs = Math.max(1, options.timeoutMs);
    const finish = (error?: unknown) => {
      clearTimeout(timer);
      changed.delete(check);
      options.signal?.removeEventListener('abort', onAbort);
      if (error === undefined) resolve();
      else reject(error);
    };
    const check = () => {
      try {
        if (test()) finish();
      } catch (error) {
        finish(error);
      }
    };
    const onAbort = () => finish(new WaitTimeout(options.what, timeoutMs));
    const timer = setTimeout(() => finish(new WaitTimeout(options.what, timeoutMs)), timeoutMs);
    changed.add(check);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) onAbort();
    else check();
  });
}

/**
 * Waits, and tells whether the condition came true in time: false on a
 * timeout (the verdict then says what happened), any other error rethrown.
 *
 * @example
 *   const arrived = await cameTrue(watcher.waitFor((r) => r.length >= 3, 'three messages', 5000));
 */
export async function cameTrue(wait: Promise<void>): Promise<boolean> {
  try {
    await wait;
    return true;
  } catch (error) {
    if (error instanceof WaitTimeout) return false;
    throw error;
  }
}
