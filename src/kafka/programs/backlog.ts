/**
 * The backlog summary of `consume`: a consumer that finds many old messages
 * when it is assigned a partition prints the first and last few, counts the
 * rest in one `backlog-skipped` event, and seeks past them. Seeking (not
 * fetching and dropping) keeps its cost the same whatever the topic's history.
 */
import type { Admin, Consumer, EachBatchPayload, EachMessagePayload, Kafka } from 'kafkajs';
import type { Emitter } from './runtime.js';

/** How many old messages are printed at each end of a summarized backlog. */
export const BACKLOG_KEEP = 3;

/** The offsets a consumer passes over: fromOffset … toOffset - 1. */
export interface BacklogSkip {
  fromOffset: number;
  toOffset: number;
}

/** A partition's high watermark (its next offset) when the group assigned it, by partition. */
export type HighWatermarks = ReadonlyMap<number, number>;

/**
 * Which old offsets to pass over, for a consumer starting at `start` on a partition
 * whose high watermark was `high` at assignment; undefined when the backlog is small
 * enough to print whole (at most 2 × keep + 1 messages).
 *
 * @example
 *   planBacklog(0, 1_440_236) // { fromOffset: 3, toOffset: 1_440_233 }
 *   planBacklog(4, 10)        // undefined: 6 old messages are printed
 */
export function planBacklog(start: number, high: number, keep = BACKLOG_KEEP): BacklogSkip | undefined {
  return high - start > 2 * keep + 1 ? { fromOffset: start + keep, toOffset: high - keep } : undefined;
}

export interface WatermarkReader {
  /** Each partition's high watermark (ListOffsets); undefined when it cannot, and the consumer then prints everything. */
  read(): Promise<HighWatermarks | undefined>;
  /** Disconnects a read still under way (the program is ending). */
  close(): Promise<void>;
}

/**
 * Reads a topic's high watermarks with a short-lived admin client per read.
 *
 * @example
 *   const watermarks = createWatermarkReader(kafka, 'client1');
 *   await watermarks.read(); // Map { 0 => 1440236 }
 *   await watermarks.close();
 */
export function createWatermarkReader(kafka: Kafka, topic: string): WatermarkReader {
  const open = new Set<Admin>();
  return {
    async read() {
      const admin = kafka.admin();
      open.add(admin);
      try {
        await admin.connect();
        const offsets = await admin.fetchTopicOffsets(topic);
        return new Map(offsets.map((o) => [o.partition, Number(o.high)]));
      } catch {
        return undefined;
      } finally {
        open.delete(admin);
        await admin.disconnect().catch(() => undefined);
      }
    },
    async close() {
      await Promise.all([...open].map((admin) => admin.disconnect().catch(() => undefined)));
    },
  };
}

/**
 * A watermark reader on offsets someone else reads (`check`'s admin, already connected): no client of its own.
 *
 * @example
 *   const watermarks = rangeWatermarkReader(() => side.offsets());
 *   await watermarks.read(); // Map { 0 => 42 }
 */
export function rangeWatermarkReader(offsets: () => Promise<{ partition: number; high: number }[]>): WatermarkReader {
  return {
    read: () => offsets().then((ranges) => new Map(ranges.map((r) => [r.partition, r.high])), () => undefined),
    close: async () => undefined,
  };
}

interface Plan {
  skip: BacklogSkip | undefined;
  announced: boolean;
}

export interface BacklogSummary {
  /** A new assignment: every partition is judged again at its first batch, against these high watermarks. */
  reset(highs: Promise<HighWatermarks | undefined>): void;
  /** The kafkajs `eachBatch` that summarizes, calling `handleMessage` for every message it prints. */
  eachBatch(payload: EachBatchPayload): Promise<void>;
}

/**
 * Wraps a per-message handler in an `eachBatch` that summarizes old backlogs.
 * Run it with `eachBatchAutoResolve: false`: it resolves what it handled, so a
 * batch cut short by the seek does not resolve offsets it never printed.
 *
 * @example
 *   const summary = createBacklogSummary({ consumer, out, handleMessage });
 *   consumer.on(consumer.events.GROUP_JOIN, () => summary.reset(watermarks.read()));
 *   await consumer.run({ eachBatchAutoResolve: false, eachBatch: summary.eachBatch });
 */
export function createBacklogSummary(tools: {
  consumer: Consumer;
  out: Emitter;
  handleMessage: (payload: EachMessagePayload) => Promise<void>;
  /** Called before the first message of each batch (e.g. to report the assignment first). */
  beforeBatch?: () => void;
}): BacklogSummary {
  let highs: Promise<HighWatermarks | undefined> = Promise.resolve(undefined);
  let plans = new Map<number, Plan>();

  const planFor = async (partition: number, firstOffset: number): Promise<Plan> => {
    // This assignment's plans and high watermarks, even if a rebalance replaces them meanwhile.
    const [mine, read] = [plans, highs];
    const known = mine.get(partition);
    if (known) return known;
    const high = (await read)?.get(partition);
    const plan = mine.get(partition) ?? { skip: high === undefined ? undefined : planBacklog(firstOffset, high), announced: false };
    mine.set(partition, plan);
    return plan;
  };

  return {
    reset(next) {
      highs = next;
      plans = new Map();
    },
    async eachBatch({ batch, resolveOffset, heartbeat, pause, commitOffsetsIfNecessary, isRunning, isStale }) {
      const { topic, partition } = batch;
      const first = batch.messages[0];
      if (!first) return;
      const plan = await planFor(partition, Number(first.offset));
      const skip = plan.skip;
      const last = Number(batch.lastOffset());
      // A batch that ends inside the skipped range is left by a seek, which commits the group past the range:
      // committing the printed head first would only flash a commit that the seek overrides at once.
      const leftBySeek = skip !== undefined && !plan.announced && last >= skip.fromOffset && last < skip.toOffset;
      tools.beforeBatch?.();
      for (const message of batch.messages) {
        if (!isRunning() || isStale()) return;
        const offset = Number(message.offset);
        if (skip && offset >= skip.fromOffset && offset < skip.toOffset) {
          if (!plan.announced) {
            plan.announced = true;
            tools.out.emit({ type: 'backlog-skipped', topic, partition, ...skip, count: skip.toOffset - skip.fromOffset });
            tools.out.note('(Run it with --all to print every old message.)');
          }
          // The rest of the backlog is not in hand: seek, so it is never fetched.
          if (last < skip.toOffset) {
            tools.consumer.seek({ topic, partition, offset: String(skip.toOffset) });
            return;
          }
          resolveOffset(message.offset);
          continue;
        }
        await tools.handleMessage({ topic, partition, message, heartbeat, pause });
        if (!leftBySeek) resolveOffset(message.offset);
        await heartbeat();
        if (!leftBySeek) await commitOffsetsIfNecessary();
      }
    },
  };
}
