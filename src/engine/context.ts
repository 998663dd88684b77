/**
 * Everything a step may need while a lesson runs. Each step takes only the
 * slice it uses (`Pick<Context, 'terminal' | 'programs'>`), so tests hand it a
 * scripted terminal while Kafka stays real.
 */
import type { DoctorReport } from '../doctor/types.js';
import type { ProfileFlags } from '../profile/types.js';
import type { KafkaSide, SentMessage } from '../kafka/lesson-side.js';
import type { ProgramPool } from './programs.js';
import type { Progress } from './progress.js';
import type { Terminal } from '../ui/terminal.js';
import type { LoadedLesson } from './types.js';

/** What the lesson has done so far in this session, for later verifications. */
export interface RunState {
  /** Messages the engine produced (or the student typed), by the step's `as`. */
  sent: Record<string, SentMessage[]>;
  /** Topic offsets (partition → next offset) when a program started, by program name and run. */
  highAtSpawn: Record<string, Record<number, number>[]>;
  /** Where each program's group starts when it has no committed offset, by program name. */
  startsFrom: Record<string, 'earliest' | 'latest'>;
  /** The student's answer to each predict step, by step id. */
  predictions: Record<string, string>;
  /** Committed offsets read by show steps, oldest first, by group key. */
  committed: Record<string, { partition: number; offset: number | null }[][]>;
  /** The message a verified stop interrupted, by program name (what show steps highlight); `committed` when it was committed first (lost). */
  interrupted: Record<string, { partition: number; offset: number; committed?: boolean }>;
  /** The sandbox broker a `stop-broker` step stopped, and each partition's leader just before. */
  brokerStopped?: { nodeId: number; leaders: Record<number, number | null> };
  /** The doctor's checklist, run once per lesson run (the credentials lesson's tests judge it). */
  doctor?: DoctorReport;
}

export interface Context {
  lesson: LoadedLesson;
  terminal: Terminal;
  kafka: KafkaSide;
  programs: ProgramPool;
  progress: Progress;
  /** The cluster flags the student gave (the credentials check resolves its own profile from them). */
  flags: ProfileFlags;
  run: RunState;
  /** Values lessons may use in text: {clientId}, {topic}, {bootstrap}, {run}, {group.<key>}, {workDir}, and ask steps' answers. */
  vars: Record<string, string>;
  /** The environment every spawned program gets: the same profile, the password never in argv. */
  programEnv: Record<string, string>;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Aborted on Ctrl-C: waits give up at once. */
  signal: AbortSignal;
  /** The tutor's hidden password prompt, remembered for the run (absent when not interactive). */
  askPassword?: ((keystorePath: string) => Promise<string>) | undefined;
  /** Shows the next of the lesson's hints (or a step's own). */
  showHint: (extra?: string) => void;
  /** Under `check`, whose lessons run at once on one topic: whether another lesson of the run wrote this message. */
  writtenByOthers?: ((message: { partition: number; offset: number }) => boolean) | undefined;
}

/**
 * A session's record before its first step.
 *
 * @example
 *   const run = emptyRunState(); run.sent.typed = [] // filled by steps
 */
export function emptyRunState(): RunState {
  return { sent: {}, highAtSpawn: {}, startsFrom: {}, predictions: {}, committed: {}, interrupted: {} };
}

/**
 * Replaces `{name}` with the value of `vars.name`; unknown names stay as written.
 *
 * @example
 *   fillIn('npx kafka-tutor consume {topic}', { topic: 'client1' }) // 'npx kafka-tutor consume client1'
 */
export function fillIn(text: string, vars: Record<string, string>): string {
  return text.replace(/\{([a-zA-Z][\w.-]*)\}/g, (whole, name: string) => vars[name] ?? whole);
}
