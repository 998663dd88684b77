/**
 * One student's check under `grade`, as a result, and the environment of the
 * processes that run the checks (workers.ts): no KAFKA_TUTOR_* setting of the
 * grader reaches them, so each student's password comes from their own
 * password.txt, and each check sees only that student's folder.
 */
import { childEnvironment } from '../engine/process/index.js';
import type { CheckReport } from '../check/types.js';
import type { Student } from './roster.js';

export interface StudentRun {
  student: Student;
  /** The check's report; null when the check did not produce one (crash, time-out). */
  report: CheckReport | null;
  exitCode: number;
  /** Why there is no report. */
  problem?: string;
  seconds: number;
}

export interface StudentRunOptions {
  /** A folder holding the kafka-tutor.properties every child reads (the cluster's security settings, no password). */
  workDir: string;
  /** The cluster's brokers, given to each child as --bootstrap. */
  brokers: string[];
  timeoutSeconds: number;
  lessons: string[];
  /** The course folder every child checks (an absolute path: no KAFKA_TUTOR_* setting reaches them). */
  course: string;
}

/** The little of the grader's environment a check needs, without any kafka-tutor setting: each check must see only its student. */
export function childEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return childEnvironment({ KAFKAJS_NO_PARTITIONER_WARNING: '1' }, { env, tutorSettings: false });
}
