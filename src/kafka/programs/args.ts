/**
 * A lesson program's arguments, as the engine passes them (`client1 --group g
 * --from earliest --json`), read into its options when `check` runs it
 * in-process: the same options and defaults as the commands in src/commands/.
 * The cluster is not an argument there: `check` hands over its opened profile.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_STORE_MS, type ConsumeCommitOptions } from './consume-commit.js';
import { CONSUME_DEFAULTS } from './consume.js';
import { DEFAULT_SESSION_TIMEOUT_MS, type ConsumerProgramOptions } from './consumer-session.js';
import type { ProduceOptions } from './produce.js';

export type ProgramOptions =
  | { kind: 'consume'; options: ConsumerProgramOptions }
  | { kind: 'consume-commit'; options: ConsumeCommitOptions }
  | { kind: 'produce'; options: ProduceOptions };

const FROM = ['earliest', 'latest'] as const;

function milliseconds(text: string | undefined, fallback: number, flag: string): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(Number(text))) throw new Error(`${flag} takes a whole number of milliseconds, e.g. 3000, not "${text}".`);
  return Number(text);
}

function from(text: string | undefined, fallback: (typeof FROM)[number]): (typeof FROM)[number] {
  if (text === undefined) return fallback;
  if (!(FROM as readonly string[]).includes(text)) throw new Error(`--from takes earliest or latest, not "${text}".`);
  return text as (typeof FROM)[number];
}

function positionals(kind: string, given: string[], names: string[]): string[] {
  if (given.length !== names.length) throw new Error(`${kind} takes ${names.join(' and ')}, but got ${given.length} argument${given.length === 1 ? '' : 's'}.`);
  return given;
}

/**
 * The options of `kafka-tutor <kind> <args…>`; throws a one-sentence Error for arguments the command would refuse.
 *
 * @example
 *   parseProgramArgs('consume', ['client1', '--group', 'g', '--from', 'earliest', '--json'])
 *   // { kind: 'consume', options: { topic: 'client1', group: 'g', from: 'earliest', json: true, sessionTimeoutMs: 10000, all: false } }
 */
export function parseProgramArgs(kind: ProgramOptions['kind'], args: string[]): ProgramOptions {
  const { values, positionals: given } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean' },
      ...(kind === 'produce' ? {} : { from: { type: 'string' }, 'session-timeout': { type: 'string' } }),
      ...(kind === 'consume' ? { group: { type: 'string' }, all: { type: 'boolean' } } : {}),
      ...(kind === 'consume-commit' ? { 'store-ms': { type: 'string' }, 'commit-before-store': { type: 'boolean' } } : {}),
    },
  });
  const text = (name: string) => values[name as keyof typeof values] as string | undefined;
  const json = values.json === true;
  if (kind === 'produce') {
    const [topic] = positionals(kind, given, ['<topic>']);
    return { kind, options: { topic: topic!, json } };
  }
  const sessionTimeoutMs = milliseconds(text('session-timeout'), DEFAULT_SESSION_TIMEOUT_MS, '--session-timeout');
  if (kind === 'consume') {
    const [topic] = positionals(kind, given, ['<topic>']);
    return { kind, options: { topic: topic!, group: text('group') ?? CONSUME_DEFAULTS.group, from: from(text('from'), CONSUME_DEFAULTS.from), json, sessionTimeoutMs, all: values['all' as keyof typeof values] === true } };
  }
  const [topic, group] = positionals(kind, given, ['<topic>', '<group>']);
  return { kind, options: { topic: topic!, group: group!, from: from(text('from'), 'earliest'), storeMs: milliseconds(text('store-ms'), DEFAULT_STORE_MS, '--store-ms'), commitBeforeStore: values['commit-before-store' as keyof typeof values] === true, json, sessionTimeoutMs } };
}
