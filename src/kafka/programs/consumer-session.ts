/**
 * The life of a lesson consumer, shared by `consume` and `consume-commit`:
 * load the profile, join the group, report assignments, run until a stop is
 * asked, then leave the group (bounded) without committing anything more.
 */
import type { Consumer, EachMessagePayload } from 'kafkajs';
import type { ProfileFlags } from '../../profile/types.js';
import { createKafka } from '../client.js';
import { SHARED_GROUP, explainKafkaError, type KafkaErrorContext } from '../errors.js';
import type { MessageFacts, TopicPartition } from '../events.js';
import { createBacklogSummary, createWatermarkReader, type HighWatermarks, type WatermarkReader } from './backlog.js';
import { childIO } from './child.js';
import { withinMs, STOP_GRACE_MS, type Emitter, type ProgramIO } from './runtime.js';

export type OffsetReset = 'earliest' | 'latest';

export interface ConsumerProgramOptions extends ProfileFlags {
  topic: string;
  group: string;
  from: OffsetReset;
  json: boolean;
  /** The group's session timeout: how long the broker waits for a consumer that vanished without leaving. */
  sessionTimeoutMs?: number;
  /** Print every old message, even where the program would summarize a long backlog. */
  all?: boolean;
}

/** What the program gives kafkajs: commit mode and a message handler. */
export interface ConsumerBehaviour {
  autoCommit: boolean;
  /** Emit `committed` for kafkajs's own (automatic) commits. */
  reportAutoCommits?: boolean;
  /** Print only the first and last few of a long backlog found at assignment, and seek past the rest (see backlog.ts). */
  summarizeBacklog?: boolean;
  createHandler(tools: { consumer: Consumer; out: Emitter; stopSignal: AbortSignal }): (payload: EachMessagePayload) => Promise<void>;
}

/** 64 KiB per partition per fetch: thousands of course-sized messages (Kafka still sends a larger message whole). */
const FETCH_BYTES_PER_PARTITION = 64 * 1024;

/** How long a fetch waits on a topic with nothing new, for a student's consumer (a stop waits at most this for the poll in flight). */
const FETCH_WAIT_MS = 500;

/** Ten seconds: long enough for 3 s of "storing", short enough that the hard-kill lesson does not drag. */
export const DEFAULT_SESSION_TIMEOUT_MS = 10_000;

/**
 * A kafkajs message as event facts (value decoded as UTF-8).
 *
 * @example
 *   messageFacts({ topic: 'client1', partition: 0, message }) // { topic, partition, offset: 7, value: 'hi' }
 */
export function messageFacts({ topic, partition, message }: Pick<EachMessagePayload, 'topic' | 'partition' | 'message'>): MessageFacts {
  return { topic, partition, offset: Number(message.offset), value: message.value?.toString('utf8') ?? '' };
}

/** Why a consumer got nothing: another member holds the partition (in the shared group, maybe another student's consumer). */
function describeStarved(group: string, topic: string, clientId: string): string {
  return `The group ${group} gave this consumer no partition of ${topic}: another consumer in the group holds it${group === SHARED_GROUP ? ' (every student shares this group, so it may be someone else\'s)' : ''}. Stop the other one, or use a group of your own: --group ${clientId}-mine`;
}

function toPartitions(assignment: Record<string, number[]>): TopicPartition[] {
  return Object.entries(assignment).flatMap(([topic, partitions]) => partitions.map((partition) => ({ topic, partition })));
}

/**
 * The IO of a consumer run as its own process.
 *
 * @example
 *   await runConsumerProgram(options, behaviour, consumerChildIO(options));
 */
export function consumerChildIO(options: ConsumerProgramOptions): ProgramIO {
  return childIO(options, 'Leaving the group took too long; exiting anyway.');
}

/**
 * Runs a consumer program until its stop (SIGTERM, SIGINT, the parent's exit, or `check`'s abort); returns the exit code.
 *
 * @example
 *   const code = await runConsumerProgram({ topic: 'client1', group: 'simple_consumer', from: 'latest', json: true }, behaviour, io);
 */
export async function runConsumerProgram(options: ConsumerProgramOptions, behaviour: ConsumerBehaviour, io: ProgramIO): Promise<number> {
  const { out, stop } = io;
  let context: KafkaErrorContext = { clientId: options.clientId ?? 'your client', topic: options.topic, group: options.group, brokers: [] };
  let consumer: Consumer | undefined;
  let watermarks: WatermarkReader | undefined;
  try {
    const { profile, credentials, watermarks: shared, fetchWaitMs } = await io.open();
    context = { ...context, clientId: credentials.clientId, brokers: profile.brokers, sandbox: profile.sandbox };
    const kafka = createKafka(profile, credentials, { role: 'consumer' });
    const session = options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS;
    const active = kafka.consumer({
      groupId: options.group,
      sessionTimeout: session,
      heartbeatInterval: Math.min(1000, Math.floor(session / 3)),
      // Short fetch waits so a stop is not held up by a long poll (check's own programs wait less, see runtime.ts).
      maxWaitTimeInMs: fetchWaitMs ?? FETCH_WAIT_MS,
      // Lesson consumers print (or store) one message at a time: small fetches decode little of a long history.
      maxBytesPerPartition: FETCH_BYTES_PER_PARTITION,
      allowAutoTopicCreation: false,
      retry: { retries: 3, restartOnFailure: async () => false },
    });
    consumer = active;
    const crashed = new Promise<unknown>((resolve) => active.on(active.events.CRASH, (e) => resolve(e.payload.error)));
    const handleMessage = behaviour.createHandler({ consumer: active, out, stopSignal: stop.signal });
    const summary = behaviour.summarizeBacklog && !options.all ? createBacklogSummary({ consumer: active, out, handleMessage, beforeBatch: () => reportAssigned() }) : undefined;
    const reader = summary && (shared?.(options.topic) ?? createWatermarkReader(kafka, options.topic));
    watermarks = reader;
    // The high watermarks at assignment: messages before them are the backlog. Read while the group
    // forms (a lower bound is safe: what came after is printed), and again at each later rebalance.
    let highs: Promise<HighWatermarks | undefined> = reader ? reader.read() : Promise.resolve(undefined);
    let joins = 0;
    // "assigned" waits for the first fetch after the join: only then is a `latest` position fixed,
    // so a message sent after the student sees "assigned" is never skipped (nor counted as old).
    let joined: TopicPartition[] | undefined;
    let member: string | undefined;
    const reportAssigned = () => {
      if (!joined) return;
      out.emit({ type: 'assigned', group: options.group, partitions: joined, ...(member ? { member } : {}) });
      if (!joined.some((p) => p.topic === options.topic)) out.note(describeStarved(options.group, options.topic, context.clientId));
      joined = undefined;
    };
    active.on(active.events.GROUP_JOIN, (e) => {
      joined = toPartitions(e.payload.memberAssignment);
      member = e.payload.memberId;
      if (joined.length === 0) {
        reportAssigned();
        return;
      }
      if (summary && reader) {
        if (joins++ > 0) highs = reader.read();
        summary.reset(highs);
      }
    });
    active.on(active.events.FETCH, () => void highs.then(reportAssigned));
    if (behaviour.reportAutoCommits && options.json) {
      active.on(active.events.COMMIT_OFFSETS, (e) => {
        for (const { topic, partitions } of e.payload.topics) {
          // kafkajs reports the partition as a string here; the event contract says number.
          for (const p of partitions) out.emit({ type: 'committed', topic, partition: Number(p.partition), offset: Number(p.offset) });
        }
      });
    }
    await active.connect();
    await active.subscribe({ topics: [options.topic], fromBeginning: options.from === 'earliest' });
    if (!stop.signal.aborted) {
      await active.run(
        summary
          ? { autoCommit: behaviour.autoCommit, eachBatchAutoResolve: false, eachBatch: summary.eachBatch }
          : { autoCommit: behaviour.autoCommit, eachMessage: handleMessage },
      );
    }
    const outcome = await Promise.race([stop.stopped.then((reason) => ({ reason })), crashed.then((error) => ({ error }))]);
    if ('error' in outcome) throw outcome.error;
    // disconnect() waits for the message in hand, then sends LeaveGroup: the partitions move at once.
    await withinMs(STOP_GRACE_MS - 500, () => active.disconnect());
    out.emit({ type: 'stopped', signal: outcome.reason });
    return 0;
  } catch (error) {
    if (consumer) await withinMs(2000, () => consumer!.disconnect());
    return out.fail(explainKafkaError(error, context));
  } finally {
    if (watermarks) await withinMs(1000, () => watermarks!.close());
    stop.dispose();
  }
}
