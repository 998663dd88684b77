/**
 * `kafka-tutor produce`: the course's producer. Every line of input becomes a
 * message. Lines that arrive while a send is in flight go out together in the
 * next send, so piped input is batched and fast while typed lines go out at once.
 */
import { createInterface, type Interface } from 'node:readline';
import { Partitioners, type Kafka, type Message, type Producer, type RecordMetadata } from 'kafkajs';
import type { ProfileFlags } from '../../profile/types.js';
import { createKafka } from '../client.js';
import { explainKafkaError, type KafkaErrorContext } from '../errors.js';
import type { MessageFacts, StopReason } from '../events.js';
import { childIO } from './child.js';
import { withinMs, STOP_GRACE_MS, type Emitter, type ProgramIO } from './runtime.js';

export interface ProduceOptions extends ProfileFlags {
  topic: string;
  json: boolean;
  /** Where lines come from; stdin by default. */
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** At most this many lines per produce request. */
export const MAX_BATCH = 500;

/** kafkajs's own partitioner, remembering which partition it chose for each message. */
function recordingPartitioner(chosen: WeakMap<Message, number>) {
  return () => {
    const choose = Partitioners.DefaultPartitioner();
    return (args: Parameters<typeof choose>[0]) => {
      const partition = choose(args);
      chosen.set(args.message, partition);
      return partition;
    };
  };
}

/**
 * Offsets of the messages of one send: a partition's messages get consecutive
 * offsets from its base offset, in the order they were given.
 *
 * @example
 *   assignOffsets('client1', messages, new Map([[m0, 0], [m1, 0]]), [{ partition: 0, baseOffset: '41', … }])
 *   // [{ topic: 'client1', partition: 0, offset: 41, value: … }, { …, offset: 42 }]
 */
export function assignOffsets(topic: string, messages: Message[], chosen: { get(m: Message): number | undefined }, metadata: Pick<RecordMetadata, 'partition' | 'baseOffset'>[]): MessageFacts[] {
  const next = new Map(metadata.map((m) => [m.partition, Number(m.baseOffset ?? 0)]));
  return messages.map((message) => {
    const partition = chosen.get(message) ?? metadata[0]?.partition ?? 0;
    const offset = next.get(partition) ?? 0;
    next.set(partition, offset + 1);
    return { topic, partition, offset, value: String(message.value ?? '') };
  });
}

/** Fails with the broker's reason (e.g. TOPIC_AUTHORIZATION_FAILED) when the topic cannot be used. */
async function checkTopic(kafka: Kafka, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.fetchTopicMetadata({ topics: [topic] });
  } finally {
    await admin.disconnect();
  }
}

function stopReading(lines: Interface | undefined, input: NodeJS.ReadableStream): void {
  lines?.close();
  if (input === process.stdin) process.stdin.destroy();
}

async function sendBatch(producer: Producer, topic: string, lines: string[], chosen: WeakMap<Message, number>, out: Emitter): Promise<void> {
  const messages: Message[] = lines.map((value) => ({ value }));
  const metadata = await producer.send({ topic, messages });
  for (const facts of assignOffsets(topic, messages, chosen, metadata)) out.emit({ type: 'sent', ...facts });
}

/**
 * Sends every input line to `options.topic` until end of input or a stop; returns the exit code.
 * Without `io` it is this process's program (stdout, signals, its own profile).
 *
 * @example
 *   // echo hello | kafka-tutor produce client1 --json
 *   await produce({ topic: 'client1', json: true });
 */
export async function produce(options: ProduceOptions, io: ProgramIO = childIO(options, 'Sending took too long; exiting anyway.')): Promise<number> {
  const { out, stop } = io;
  const input = options.input ?? process.stdin;
  let context: KafkaErrorContext = { clientId: options.clientId ?? 'your client', topic: options.topic, brokers: [] };
  let producer: Producer | undefined;
  let lines: Interface | undefined;
  let count = 0;
  try {
    const { profile, credentials } = await io.open();
    context = { ...context, clientId: credentials.clientId, brokers: profile.brokers, sandbox: profile.sandbox };
    const kafka = createKafka(profile, credentials, { role: 'producer' });
    const chosen = new WeakMap<Message, number>();
    const active = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: recordingPartitioner(chosen) });
    producer = active;
    await active.connect();
    // Refuse a topic the student may not use before they type anything.
    await checkTopic(kafka, options.topic);
    if (input.isTTY) out.note(`Type a message and press Enter to send it to ${options.topic}; Ctrl-D when done.`);

    const pending: string[] = [];
    let sendError: unknown;
    let failure: ((error: unknown) => void) | undefined;
    const failed = new Promise<never>((_, reject) => (failure = reject));
    failed.catch(() => undefined); // observed below through sendError
    let pump: Promise<void> | undefined;
    const startPump = () => {
      pump ??= (async () => {
        while (pending.length > 0) {
          const batch = pending.splice(0, MAX_BATCH);
          await sendBatch(active, options.topic, batch, chosen, out);
          count += batch.length;
        }
      })()
        .catch((error: unknown) => {
          sendError ??= error;
          failure?.(error);
        })
        .finally(() => (pump = undefined));
    };
    lines = createInterface({ input, terminal: false, crlfDelay: Infinity });
    lines.on('line', (line) => {
      pending.push(line);
      startPump();
    });
    const reading = lines;
    const ended = new Promise<StopReason>((resolve) => reading.once('close', () => resolve('eof')));
    const reason = await Promise.race([ended, stop.stopped, failed]);
    stopReading(reading, input);
    // Lines already read are still sent: one flush at the end.
    while (pump) await pump;
    if (sendError !== undefined) throw sendError;
    await withinMs(STOP_GRACE_MS - 500, () => active.disconnect());
    out.note(`Sent ${count} message${count === 1 ? '' : 's'} to ${options.topic}.`);
    out.emit({ type: 'stopped', signal: reason });
    return 0;
  } catch (error) {
    // Stop reading at once: the program is done, however much input is still coming.
    stopReading(lines, input);
    if (producer) await withinMs(2000, () => producer!.disconnect());
    return out.fail(explainKafkaError(error, context));
  } finally {
    stop.dispose();
  }
}
