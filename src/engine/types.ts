/**
 * The shape of a course: a manifest, lessons and their steps, as read from `lessons/`.
 * The engine knows these kinds of step; it never knows a lesson's name or text.
 */

import type { Fact } from './facts.js';

/** The manifest format this version of kafka-tutor reads; a newer one asks for an upgrade. */
export const COURSE_FORMAT_VERSION = 1;

export interface Manifest {
  formatVersion: number;
  title: string;
  /** Lesson ids in the order a student takes them; each is a folder beside the manifest. */
  lessons: string[];
}

/** A program the engine can spawn (see src/engine/process/). */
export type ProgramKind = 'consume' | 'consume-commit' | 'produce';

interface BaseStep {
  /** Unique within the lesson; progress is recorded per step id. */
  id: string;
  /** A resumed lesson restarts at the last checkpoint before its first unfinished step. */
  checkpoint?: boolean;
  /** Variants of the step's fields by condition on a variable, e.g. `{"partitions=1": {"answer": "one"}}` (src/engine/cases.ts). */
  cases?: Record<string, Record<string, unknown>>;
}

/** Prose the student reads (a Markdown file in the lesson's folder). */
export interface ExplainStep extends BaseStep {
  kind: 'explain';
  file: string;
}

/** The student predicts what Kafka will do before the experiment shows it. */
export interface PredictStep extends BaseStep {
  kind: 'predict';
  question: string;
  options: { value: string; label: string }[];
  answer: string;
}

/** Commands shown (never run) so the student can repeat the step by hand. */
export interface CommandStep extends BaseStep {
  kind: 'command';
  title: string;
  commands: string[];
  /** The course's original `docker run`, for reference. */
  docker?: string;
}

/** Starts a program in the background, named `as`, and waits for an event. */
export interface SpawnStep extends BaseStep {
  kind: 'spawn';
  as: string;
  program: ProgramKind;
  /** A key of the lesson's `groups`; the engine creates a unique id and remembers it. */
  group?: string;
  /** Use a new group id even when one is remembered (an experiment that needs a group with no commits). */
  fresh?: boolean;
  from?: 'earliest' | 'latest';
  storeMs?: number;
  /** consume-commit only: commit each message before storing it (`--commit-before-store`). */
  commitBeforeStore?: boolean;
  waitFor?: 'assigned';
  timeoutMs?: number;
  /** consume only: print every old message, never a backlog summary (`consume --all`); for a small topic a verification reads whole. */
  all?: boolean;
}

/** The engine itself produces messages (through kafkajs) into the student's topic. */
export interface ProduceStep extends BaseStep {
  kind: 'produce';
  /** Name under which the produced messages are remembered for later verifications. */
  as: string;
  count: number;
  /** Message text; `{n}` is the message's number, `{run}` the lesson run. */
  text: string;
  /** Produce only when fewer than `count` messages wait, unread, for this group. */
  unlessUnreadBy?: string;
  /** Before producing, wait until these programs have received everything already in the topic. */
  settle?: string[];
}

/**
 * Something the student does: type messages, press a key to stop a program, press a key when done
 * elsewhere (`wait-key`), or stop / start a sandbox broker in another terminal (`stop-broker`:
 * the leader of the topic's first partition; `start-broker`: the one the lesson stopped).
 */
export interface ActStep extends BaseStep {
  kind: 'act';
  action: 'type-messages' | 'stop-key' | 'stop' | 'wait-key' | 'stop-broker' | 'start-broker';
  prompt: string;
  /** For `type-messages`: where the typed messages are remembered, and how many are needed. */
  as?: string;
  min?: number;
  max?: number;
  /** For `stop-key` / `stop`: the program, and the signal (SIGTERM imitates `docker stop`). */
  program?: string;
  /** For `stop`, instead of `program`: the first of these that holds a partition (its group assigned it one); its name becomes `{stopped}`. */
  anyOf?: string[];
  signal?: 'SIGTERM' | 'SIGKILL';
  /** For `stop`: first let the program reach this event (e.g. commit the message in hand). */
  after?: 'committed';
  /** For `stop-key`: stop on its own after this long if no key came (the student wandered off); for `stop-broker` / `start-broker`: how long to wait for it. */
  timeoutMs?: number;
  /** For `stop-key`: the event the student's key follows (e.g. `storing-started`); `check` stops the program right after it. */
  at?: string;
}

/** A named verification of what Kafka did, with a timeout and a lesson-specific hint. */
export interface VerifyStep extends BaseStep {
  kind: 'verify';
  check: string;
  params?: Record<string, unknown>;
  timeoutMs?: number;
  hint?: string;
  /** A predict step whose answer this verification reveals. */
  reveals?: string;
  /** When the check fails, offer to go back to this step and try again. */
  retryFrom?: string;
  /** Failing this check does not fail the lesson (e.g. a stop that missed its window). */
  retryPrompt?: string;
  /** The test `check` reports for it (verify steps sharing an id make one test); without it the step is the tutor's alone. */
  test?: string;
  /** The test's title in `check`'s report (on the first step of a test). */
  title?: string;
  /** What the test is worth (on the first step of a test). */
  points?: number;
}

/** A picture of the topic or of a group's committed offsets. */
export interface ShowStep extends BaseStep {
  kind: 'show';
  what: 'log' | 'offsets';
  group?: string;
  title?: string;
  /** A consume-commit program (a spawn step's `as`): mark the message its verified stop (stop-window) interrupted. */
  highlight?: string;
}

/** Asks whether to do an optional part; `no` skips to `skipTo` (or the end). */
export interface ChoiceStep extends BaseStep {
  kind: 'optional';
  question: string;
  skipTo?: string;
}

/** How an `ask` step checks an answer before taking it (no network lookup). */
export type AnswerKind = 'path' | 'host' | 'user' | 'nonempty';

/**
 * A question with a free-text answer, kept in `{name}` for later text and in progress
 * (so a resumed lesson does not ask again). Answers are stored in plain text: never a password.
 */
export interface AskStep extends BaseStep {
  kind: 'ask';
  /** The variable later text uses, e.g. `vmAddress` for `{vmAddress}`; a `path` answer also gives `{<name>.name}`, its last part. */
  name: string;
  message: string;
  /** An example, shown dimmed as "e.g. …" when no default is known; Enter does not take it. */
  placeholder?: string;
  /** Taken on Enter; may use `{vars}`, and is left out when one of them is not known. */
  default?: string;
  validate?: AnswerKind;
  /** An empty answer is allowed and leaves `{name}` empty. */
  optional?: boolean;
  /** How a non-empty answer appears in `{name}`, e.g. `-i {answer} `; an empty one stays empty. */
  format?: string;
}

export type Step = ExplainStep | PredictStep | CommandStep | SpawnStep | ProduceStep | ActStep | VerifyStep | ShowStep | ChoiceStep | AskStep;
export type StepKind = Step['kind'];

/** What a lesson needs of the cluster beyond a working profile (see requirements.ts). */
export type Requirement = 'sandbox-3-brokers';

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  /** Runs only where this holds; elsewhere the tutor says why and `check` reports its tests as skipped. */
  requires?: Requirement;
  /** Given on `h` or after a failed verification; never empty. */
  hints: string[];
  /** Consumer groups the lesson creates, by key: a pattern such as `{clientId}-earliest-{run}`. */
  groups?: Record<string, string>;
  /** Facts read from the cluster at the lesson's start, as variables: `partitions` (src/engine/facts.ts). */
  facts?: Fact[];
  steps: Step[];
}

/** A lesson with its folder and the Markdown prose its explain steps point at. */
export interface LoadedLesson extends Lesson {
  dir: string;
  prose: Record<string, string>;
}

export interface Course {
  dir: string;
  manifest: Manifest;
  lessons: LoadedLesson[];
}
