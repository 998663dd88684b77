// The interactive lesson's latency, as the tutor runs it: a `produce` child fed one line every
// 200 ms (line at a time, like typing) and a `consume` child; the time from writing a line to
// produce's stdin to the consumer's event for it. Used by bench/produce.mjs.
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { startProgram } from '../dist/engine/process/index.js';

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Median and p95 milliseconds over `count` lines written `everyMs` apart. */
export async function measureLatency({ env, topic, clientId, count = 50, everyMs = 200 }) {
  const group = `${clientId}-bench-${randomUUID().slice(0, 8)}`;
  const consumer = startProgram('consume', [topic, '--group', group], { env });
  const producer = startProgram('produce', [topic], { env });
  try {
    await consumer.waitFor((e) => e.type === 'assigned' && e.partitions.length > 0, { timeoutMs: 30_000, what: 'the consumer to be assigned' });
    // The first line also waits for produce to connect: not part of what a student feels per line.
    producer.writeLine('warm-up');
    await consumer.waitFor((e) => e.type === 'message' && e.value === 'warm-up', { timeoutMs: 30_000, what: 'the warm-up line' });
    const written = new Map();
    const latencies = [];
    consumer.onEvent((e) => {
      if (e.type === 'message' && written.has(e.value)) latencies.push(performance.now() - written.get(e.value));
    });
    for (let i = 0; i < count; i++) {
      const value = `typed ${i}`;
      written.set(value, performance.now());
      producer.writeLine(value);
      await delay(everyMs);
    }
    await consumer.waitFor((e) => e.type === 'message' && e.value === `typed ${count - 1}`, { timeoutMs: 30_000, what: 'the last line' });
    const sorted = latencies.sort((a, b) => a - b);
    return { count: sorted.length, median: percentile(sorted, 50), p95: percentile(sorted, 95) };
  } finally {
    producer.closeInput();
    await Promise.all([producer.exited, consumer.stop('SIGTERM')]);
  }
}
