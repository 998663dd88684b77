/**
 * The `--json` event contract of the lesson programs (`produce`, `consume`,
 * `consume-commit`): one JSON object per line on stdout, nothing else.
 * The engine, `kafka-tutor check` and graders' scripts read these lines;
 * human mode prints the same facts through `formatEvent`.
 *
 * Every event has `type` and `time` (ISO-8601). Offsets are numbers.
 *
 *   assigned         {group, partitions: [{topic, partition}], member?} the group gave this consumer its partitions and its position is fixed
 *                                                                  (member: its member id in the group, as the broker describes it)
 *   message          {topic, partition, offset, value}           a message arrived (value decoded as UTF-8)
 *   storing-started  {topic, partition, offset, value}           consume-commit began "storing" it
 *   storing-ended    {topic, partition, offset, value}           … and finished
 *   committed        {topic, partition, offset}                  the group's committed offset is now `offset` (the next to read);
 *                                                                  consume-commit --commit-before-store reports it before storing-started
 *   backlog-skipped  {topic, partition, fromOffset, toOffset, count} consume passed over offsets fromOffset … toOffset-1 of the old
 *                                                                  messages it found at assignment (count = toOffset - fromOffset);
 *                                                                  the first and last few old messages still come as `message`
 *   sent             {topic, partition, offset, value}           produce wrote a message
 *   error            {code, message, fix}                        one sentence and the fix; the program then exits 1
 *   stopped          {signal}                                    last line of a clean stop: SIGTERM, SIGINT, eof or disconnect
 *
 * @example
 *   {"type":"assigned","time":"2026-11-25T09:00:00.000Z","group":"simple_consumer","partitions":[{"topic":"client1","partition":0}]}
 *   {"type":"message","time":"2026-11-25T09:00:01.000Z","topic":"client1","partition":0,"offset":7,"value":"hello"}
 */

import type { Lines } from './programs/lines.js';

export interface TopicPartition {
  topic: string;
  partition: number;
}

export interface MessageFacts extends TopicPartition {
  offset: number;
  value: string;
}

/**
 * What one produce request delivered, message by message: line `i` went to partition
 * `partitions[i]` at offset `offsets[i]`. Arrays, not an object per message: a pipe sends
 * hundreds of thousands.
 */
export interface SentBatch {
  topic: string;
  lines: Lines;
  partitions: ArrayLike<number>;
  offsets: ArrayLike<number>;
}

/** Why a program stopped cleanly: a signal, the end of its input, or its parent went away. */
export type StopReason = 'SIGTERM' | 'SIGINT' | 'eof' | 'disconnect';

export type ProgramEvent =
  | { type: 'assigned'; time: string; group: string; partitions: TopicPartition[]; member?: string }
  | ({ type: 'message'; time: string } & MessageFacts)
  | ({ type: 'storing-started'; time: string } & MessageFacts)
  | ({ type: 'storing-ended'; time: string } & MessageFacts)
  | ({ type: 'sent'; time: string } & MessageFacts)
  | ({ type: 'committed'; time: string } & TopicPartition & { offset: number })
  | ({ type: 'backlog-skipped'; time: string } & TopicPartition & { fromOffset: number; toOffset: number; count: number })
  | { type: 'error'; time: string; code: string; message: string; fix: string }
  | { type: 'stopped'; time: string; signal: StopReason };

export type EventType = ProgramEvent['type'];

/** An event before it is stamped with its time. */
export type EventBody = ProgramEvent extends infer E ? (E extends ProgramEvent ? Omit<E, 'time'> : never) : never;

/** The event of a given type, e.g. `EventOf<'message'>`. */
export type EventOf<T extends EventType> = Extract<ProgramEvent, { type: T }>;

export const EVENT_TYPES: readonly EventType[] = ['assigned', 'message', 'storing-started', 'storing-ended', 'committed', 'backlog-skipped', 'sent', 'error', 'stopped'];

/** Events that concern one message: they carry topic, partition, offset and value. */
export function isMessageEvent(event: ProgramEvent): event is EventOf<'message' | 'storing-started' | 'storing-ended' | 'sent'> {
  return event.type === 'message' || event.type === 'storing-started' || event.type === 'storing-ended' || event.type === 'sent';
}

/**
 * Stamps an event with the current time.
 *
 * @example
 *   stampEvent({ type: 'stopped', signal: 'SIGTERM' }) // { type: 'stopped', signal: 'SIGTERM', time: '2026-…Z' }
 */
export function stampEvent(body: EventBody, now: Date = new Date()): ProgramEvent {
  const { type, ...rest } = body;
  return { type, time: now.toISOString(), ...rest } as ProgramEvent;
}

/**
 * Reads one line of a program's `--json` output; `undefined` for anything that is not an event.
 *
 * @example
 *   parseEvent('{"type":"stopped","time":"…","signal":"SIGTERM"}')?.type // 'stopped'
 *   parseEvent('hello') // undefined
 */
export function parseEvent(line: string): ProgramEvent | undefined {
  const text = line.trim();
  if (!text.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(text) as { type?: unknown };
    return typeof value.type === 'string' && (EVENT_TYPES as readonly string[]).includes(value.type) ? (value as ProgramEvent) : undefined;
  } catch {
    return undefined;
  }
}

const where = (e: TopicPartition & { offset: number }) => `${e.topic}[${e.partition}]@${e.offset}`;
// en-US whatever the machine's locale: "1,440,230" reads the same in every log and test (by hand: ICU's first use costs ~30 ms of CPU).
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * The line a person reads for a `sent` event.
 *
 * @example
 *   formatSent({ topic: 'client1', partition: 0, offset: 7, value: 'hi' }) // 'sent client1[0]@7: hi'
 */
export function formatSent(facts: MessageFacts): string {
  return `sent ${where(facts)}: ${facts.value}`;
}

/**
 * The line a person reads for an event (human mode, and the engine's display).
 *
 * @example
 *   formatEvent({ type: 'message', time, topic: 'client1', partition: 0, offset: 7, value: 'hi' }) // 'hi   (client1[0]@7)'
 */
export function formatEvent(event: ProgramEvent): string {
  switch (event.type) {
    case 'assigned': {
      const parts = event.partitions.map((p) => `${p.topic}[${p.partition}]`).join(', ');
      return `Assigned partitions: ${parts || '(none)'}   (group ${event.group})`;
    }
    case 'message':
      return `${event.value}   (${where(event)})`;
    case 'storing-started':
      return `Start storing ${where(event)}`;
    case 'storing-ended':
      return `End storing ${where(event)}`;
    case 'committed':
      return `Message committed: the group's next offset on ${event.topic}[${event.partition}] is ${event.offset}`;
    case 'backlog-skipped':
      return `… ${count(event.count)} more old message${event.count === 1 ? '' : 's'} …   (${event.topic}[${event.partition}]@${event.fromOffset}–${event.toOffset - 1} not printed)`;
    case 'sent':
      return formatSent(event);
    case 'error':
      return `${event.message}${event.fix ? `\n  Fix: ${event.fix}` : ''}`;
    case 'stopped':
      return event.signal === 'eof' ? 'Done: end of input.' : `Stopped (${event.signal}).`;
  }
}
