/**
 * One student's check under `grade`: a separate `kafka-tutor check --json`
 * process, so that a student's broken credentials, time-out or crash cannot
 * touch anyone else's result. It sees only that student's folder: no
 * KAFKA_TUTOR_* setting of the grader reaches it, and the password comes
 * from the student's password.txt.
 */
import { execa } from 'execa';
import { BIN_PATH, childEnvironment, registerProgram, signalProcessGroup } from '../engine/process/index.js';
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

/** The little of the grader's environment a check needs, without any kafka-tutor setting: each child must see only its student. */
export function childEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return childEnvironment({ KAFKAJS_NO_PARTITIONER_WARNING: '1' }, { env, tutorSettings: false });
}

/**
 * Runs `check` for one student and never throws.
 *
 * @example
 *   const run = await checkStudent({ clientId: 'client1', credentials: '/abs/client1' }, { workDir, brokers: ['127.0.0.1:19093'], timeoutSeconds: 30, lessons: [], course: courseDir() });
 *   run.report?.status // 'pass'
 */
export async function checkStudent(student: Student, options: StudentRunOptions): Promise<StudentRun> {
  const started = Date.now();
  const lessonArgs = options.lessons.flatMap((id) => ['--lesson', id]);
  // Each lesson has its own budget inside the check; this bounds a check that hangs outright.
  const killAfterMs = (options.timeoutSeconds * 4 + 30) * 1000;
  const child = execa(process.execPath, [BIN_PATH, 'check', '--json', '--bootstrap', options.brokers.join(','), '--auth', student.credentials, '--client-id', student.clientId, '--timeout', String(options.timeoutSeconds), ...lessonArgs, '--course', options.course], {
    cwd: options.workDir,
    env: childEnv(),
    extendEnv: false,
    stdin: 'ignore',
    reject: false,
    // Its own process group, so that a kill also ends the consumers it started (they also watch it: watch-parent.ts).
    detached: true,
    maxBuffer: 10_000_000,
  });
  const pid = child.pid;
  // The same registry as the lessons' programs: no check outlives grade, whatever ends it.
  const release = pid === undefined ? () => undefined : registerProgram(pid);
  let overran = false;
  const timer = setTimeout(() => {
    overran = true;
    if (pid !== undefined) signalProcessGroup(pid, 'SIGKILL');
  }, killAfterMs);
  const result = await child;
  clearTimeout(timer);
  // The check has ended; its consumers end with it, and a straggler is ended here.
  if (pid !== undefined) signalProcessGroup(pid, 'SIGKILL');
  release();
  const seconds = Math.round(Date.now() - started) / 1000;
  const exitCode = typeof result.exitCode === 'number' ? result.exitCode : 70;
  try {
    const report = JSON.parse(String(result.stdout)) as CheckReport;
    if (typeof report.version === 'number' && Array.isArray(report.tests)) return { student, report, exitCode, seconds };
  } catch {
    // Not a report: say why below.
  }
  const firstLine = String(result.stderr).split('\n').find((l) => l.trim() !== '')?.slice(0, 300);
  const problem = overran
    ? `The check did not finish within ${killAfterMs / 1000} s and was stopped.`
    : `The check ended without a report (exit code ${exitCode})${firstLine ? `: ${firstLine}` : '.'}`;
  return { student, report: null, exitCode: exitCode === 0 ? 70 : exitCode, problem, seconds };
}
