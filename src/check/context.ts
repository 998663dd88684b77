/**
 * What a lesson's check gets to work with: the student's identity, a Kafka
 * client on their credentials, unique names for this run, and a way to report
 * each of its checks. Cleanups registered with `defer` always run.
 */
import type { Kafka, Producer } from 'kafkajs';
import type { ClusterProfile, Credentials, ProfileFlags } from '../profile/types.js';

/** One check a lesson makes, declared up front so that a crash or a skip still lists it. */
export interface CheckDefinition {
  id: string;
  title: string;
  points: number;
}

/** How a check went wrong: the sentence, the fix, and a stable id when the failure is a known one. */
export interface Failure {
  message: string;
  fix?: string | undefined;
  failureId?: string | undefined;
}

export interface LessonContext {
  profile: ClusterProfile;
  credentials: Credentials;
  kafka: Kafka;
  /** The cluster flags the user gave, passed on unchanged to the lesson programs check spawns. */
  flags: ProfileFlags;
  clientId: string;
  topic: string;
  /** Short and unique per run: in every message value and group id this run creates. */
  runId: string;
  /** The lesson's time budget, in milliseconds; waits inside it use what is left. */
  deadline: number;
  /** Aborted when the lesson runs out of time. */
  signal: AbortSignal;
  /** A fresh consumer group for this run, allowed by the course's ACLs (it starts with the client id). */
  groupId(suffix: string): string;
  /** A message value that carries the run id, so that older messages in the topic are told apart. */
  mark(label: string): string;
  /** The run's shared producer, connected on first use. */
  producer(): Promise<Producer>;
  /** Runs `cleanup` when the lesson ends, however it ends (last registered, first run). */
  defer(cleanup: () => Promise<unknown>): void;
  pass(checkId: string, message: string): void;
  fail(checkId: string, failure: Failure): void;
  skip(checkId: string, message: string): void;
}

/**
 * Milliseconds left before the lesson's deadline (at least 1).
 *
 * @example
 *   await watcher.waitFor(pred, 'the old messages', timeLeft(ctx));
 */
export function timeLeft(ctx: Pick<LessonContext, 'deadline'>): number {
  return Math.max(1, ctx.deadline - Date.now());
}

/** A lesson as `check` runs it: its checks, and how to make them. */
export interface LessonCheck {
  id: string;
  title: string;
  checks: CheckDefinition[];
  run(ctx: LessonContext): Promise<void>;
}
