/**
 * The order in which a predict step shows its options: shuffled, so that the
 * position of the right answer tells nothing, and stable for one student and
 * step, so that a resumed lesson shows the same order.
 */
import { createHash } from 'node:crypto';

/** mulberry32: a tiny seeded generator; enough to shuffle a handful of options. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * The seed of one student's view of one predict step.
 *
 * @example
 *   predictSeed('client45', 'offset-reset', 'predict-first') // 'client45/offset-reset/predict-first'
 */
export function predictSeed(clientId: string, lessonId: string, stepId: string): string {
  return `${clientId}/${lessonId}/${stepId}`;
}

/**
 * A Fisher-Yates shuffle driven by a hash of `seed`: the same seed, the same order.
 *
 * @example
 *   orderOptions(['a', 'b', 'c'], predictSeed('client1', 'simple', 'predict')) // e.g. ['c', 'a', 'b'], every time
 */
export function orderOptions<T>(options: readonly T[], seed: string): T[] {
  const random = generator(createHash('sha256').update(seed).digest().readUInt32BE(0));
  const shown = [...options];
  for (let i = shown.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [shown[i], shown[j]] = [shown[j]!, shown[i]!];
  }
  return shown;
}
