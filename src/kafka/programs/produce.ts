/**
 * `kafka-tutor produce`: the course's producer. Every line of input becomes a
 * message. A line that arrives when nothing is waiting is sent at once (typing
 * feels immediate); lines that arrive while requests are in flight wait and go
 * out together, many per request and a few requests at a time, so piped input is fast.
 */
import type { ProfileFlags } from '../../profile/types.js';
import { openBatchProducer, type BatchProducer } from '../batch-producer.js';
import { explainKafkaError, type KafkaErrorContext } from '../errors.js';
import type { SentBatch, StopReason } from '../events.js';
import { childIO } from './child.js';
import { createLineSplitter, LineQueue, type Lines } from './lines.js';
import { withinMs, STOP_GRACE_MS, type ProgramIO } from './runtime.js';

export interface ProduceOptions extends ProfileFlags {
  topic: string;
  json: boolean;
  /** Where lines come from; stdin by default. */
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** At most this many lines, and of about this many bytes, per request (a broker takes a batch of 1 MB by default). */
export const MAX_BATCH_LINES = 10_000;
export const MAX_BATCH_BYTES = 512 * 1024;
/** Requests in flight at once: the next batch is encoded while the broker writes the last. */
export const MAX_IN_FLIGHT = 4;
/**
 * Piped input in human mode lists this many messages, then counts the rest: a pipe of 200,000
 * lines would otherwise answer with 200,000 lines nobody reads (kcat and the course's
 * producer print none). `--json`, the tutor's and scripts' mode, has one event per message.
 */
export const PIPED_LISTED = 5;
/** Reading pauses while this many lines wait, so a huge pipe never fills memory and a stop flushes quickly. */
const PAUSE_AT = 4 * MAX_BATCH_LINES;

function noteRanges(ranges: Map<number, { first: number; last: number }>, { partitions, offsets }: SentBatch): void {
  for (let i = 0; i < offsets.length; i++) {
    const partition = partitions[i]!;
    const offset = offsets[i]!;
    const range = ranges.get(partition);
    if (!range) ranges.set(partition, { first: offset, last: offset });
    else range.last = offset;
  }
}

/**
 * What piped human mode says instead of listing every message.
 *
 * @example
 *   unlistedNote(200000, new Map([[0, { first: 41, last: 200040 }]]))
 *   // 'Only the first 5 are listed above (--json lists every one); partition 0 got offsets 41-200040.'
 */
export function unlistedNote(count: number, ranges: ReadonlyMap<number, { first: number; last: number }>): string {
  const got = [...ranges].sort(([a], [b]) => a - b).map(([partition, { first, last }]) => `partition ${partition} got offset${first === last ? ` ${first}` : `s ${first}-${last}`}`);
  return `Only the first ${Math.min(PIPED_LISTED, count)} are listed above (--json lists every one); ${got.join(', ')}.`;
}

function stopReading(input: NodeJS.ReadableStream): void {
  input.removeAllListeners('data');
  input.pause();
  if (input === process.stdin) process.stdin.destroy();
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
  let sender: BatchProducer | undefined;
  let count = 0;
  try {
    const { profile, credentials } = await io.open();
    context = { ...context, clientId: credentials.clientId, brokers: profile.brokers, sandbox: profile.sandbox };
    // Refuses a topic the student may not use before they type anything.
    const active = await openBatchProducer(profile, credentials, options.topic);
    sender = active;
    if (input.isTTY) out.note(`Type a message and press Enter to send it to ${options.topic}; Ctrl-D when done.`);
    const listAll = options.json || input.isTTY === true;
    /** Per partition, the first and last offset written: the summary of what was not listed. */
    const ranges = new Map<number, { first: number; last: number }>();

    const pending = new LineQueue();
    let inFlight = 0;
    let reading = true;
    let sendError: unknown;
    let failure!: (error: unknown) => void;
    const failed = new Promise<never>((_, reject) => (failure = reject));
    failed.catch(() => undefined); // observed below through sendError
    // Batches are answered in the order they were sent: their events are written in input order.
    let delivered: Promise<void> = Promise.resolve();
    const pump = () => {
      while (pending.count > 0 && inFlight < MAX_IN_FLIGHT && sendError === undefined) {
        const sent = active.send(pending.take(MAX_BATCH_LINES, MAX_BATCH_BYTES));
        sent.catch(() => undefined); // observed in order below
        inFlight++;
        delivered = delivered
          .then(async () => {
            if (sendError !== undefined) return;
            const batch = await sent;
            if (listAll) out.emitSent(batch);
            else {
              out.emitSent(batch, PIPED_LISTED - count);
              noteRanges(ranges, batch);
            }
            count += batch.lines.count;
          })
          .catch((error: unknown) => {
            sendError ??= error;
            failure(error);
          })
          .finally(() => {
            inFlight--;
            pump();
          });
      }
      if (reading && pending.count < PAUSE_AT) input.resume();
    };
    const add = (lines: Lines) => {
      pending.push(lines);
      pump();
      if (pending.count >= PAUSE_AT) input.pause();
    };
    const split = createLineSplitter();
    const ended = new Promise<StopReason>((resolve) => {
      // The end of input sends its last line even without a newline; after a stop, nothing more is read.
      const finish = () => {
        if (reading) add(split.end());
        resolve('eof');
      };
      input.on('data', (chunk: Buffer | string) => add(split.push(chunk)));
      input.once('end', finish);
      input.once('close', finish);
      input.once('error', finish);
    });
    const reason = await Promise.race([ended, stop.stopped, failed]);
    reading = false;
    stopReading(input);
    // Lines already read are still sent before the summary.
    for (let last: Promise<void> | undefined; sendError === undefined && (pending.count > 0 || last !== delivered); ) {
      pump();
      last = delivered;
      await last;
    }
    if (sendError !== undefined) throw sendError;
    await withinMs(STOP_GRACE_MS - 500, () => active.close());
    out.note(`Sent ${count} message${count === 1 ? '' : 's'} to ${options.topic}.`);
    if (count > PIPED_LISTED && !listAll) out.note(unlistedNote(count, ranges));
    out.emit({ type: 'stopped', signal: reason });
    return 0;
  } catch (error) {
    // Stop reading at once: the program is done, however much input is still coming.
    stopReading(input);
    if (sender) await withinMs(2000, () => sender!.close());
    return out.fail(explainKafkaError(error, context));
  } finally {
    stop.dispose();
  }
}
