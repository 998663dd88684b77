/**
 * An in-process consumer that records the messages of this run: the check's
 * eyes on what Kafka delivers. It is "ready" once its group assigned it the
 * partitions and it fetched once, so its position is settled (for `latest`
 * too) before the check produces anything: no sleeps, no timing luck.
 */
import type { Consumer } from 'kafkajs';
import { explainKafkaError } from '../kafka/errors.js';
import type { LessonContext } from './context.js';
import { waitUntil } from './wait.js';

export interface Received {
  partition: number;
  offset: number;
  value: string;
}

export interface Watcher {
  group: string;
  /** Messages of this run (their value holds the run id), in arrival order. */
  received: Received[];
  /** The committed offsets this consumer made, by partition (auto-commit only). */
  committed: Map<number, number>;
  /** Resolves when `test(received)` holds; rejects with `what` in the message when time runs out. */
  waitFor(test: (received: Received[]) => boolean, what: string, timeoutMs: number): Promise<void>;
  waitForCommit(partition: number, atLeast: number, timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

export interface WatchOptions {
  group: string;
  fromBeginning: boolean;
  autoCommit: boolean;
}

/**
 * Starts a consumer in `group` on the student's topic and waits until it is ready.
 *
 * @example
 *   const latest = await startWatcher(ctx, { group: ctx.groupId('latest'), fromBeginning: false, autoCommit: true });
 *   await latest.waitFor((r) => r.length === 2, 'the two new messages', 5000);
 */
export async function startWatcher(ctx: LessonContext, options: WatchOptions): Promise<Watcher> {
  const consumer: Consumer = ctx.kafka.consumer({
    groupId: options.group,
    // Short fetch waits keep the first (empty) fetch, which settles the position, quick.
    maxWaitTimeInMs: 100,
    sessionTimeout: 10_000,
    heartbeatInterval: 1000,
    retry: { retries: 2 },
  });
  const received: Received[] = [];
  const committed = new Map<number, number>();
  let joined = false;
  let settled = false;
  let crash: unknown;
  const changed = new Set<() => void>();
  const notify = () => changed.forEach((f) => f());
  consumer.on(consumer.events.GROUP_JOIN, () => { joined = true; notify(); });
  consumer.on(consumer.events.FETCH, () => { if (joined && !settled) { settled = true; notify(); } });
  consumer.on(consumer.events.CRASH, (event) => { crash = event.payload.error; notify(); });
  consumer.on(consumer.events.COMMIT_OFFSETS, (event) => {
    for (const t of event.payload.topics) for (const p of t.partitions) committed.set(Number(p.partition), Number(p.offset));
    notify();
  });
  const explain = (error: unknown) => explainKafkaError(error, { clientId: ctx.clientId, topic: ctx.topic, group: options.group, brokers: ctx.profile.brokers, sandbox: ctx.profile.sandbox });
  const stop = async () => { await consumer.disconnect().catch(() => undefined); };
  ctx.defer(stop);
  const until = (test: () => boolean, what: string, timeoutMs: number) =>
    waitUntil(() => { if (crash !== undefined) throw explain(crash); return test(); }, changed, { timeoutMs, what, signal: ctx.signal });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [ctx.topic], fromBeginning: options.fromBeginning });
    await consumer.run({
      autoCommit: options.autoCommit,
      // Commit after every message (librdkafka commits every 5 s): the resume check waits for the commit, not for a clock.
      ...(options.autoCommit ? { autoCommitThreshold: 1 } : {}),
      eachMessage: async ({ partition, message }) => {
        const value = message.value?.toString('utf8') ?? '';
        if (value.includes(ctx.runId)) received.push({ partition, offset: Number(message.offset), value });
        notify();
      },
    });
  } catch (error) {
    throw explain(error);
  }
  await until(() => settled, `consumer group ${options.group} to assign the partitions of ${ctx.topic}`, ctx.deadline - Date.now());
  return {
    group: options.group,
    received,
    committed,
    waitFor: (test, what, timeoutMs) => until(() => test(received), what, timeoutMs),
    waitForCommit: (partition, atLeast, timeoutMs) =>
      until(() => (committed.get(partition) ?? -1) >= atLeast, `group ${options.group} to commit offset ${atLeast} on partition ${partition}`, timeoutMs),
    stop,
  };
}
