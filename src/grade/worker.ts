/**
 * One of grade's worker processes (`kafka-tutor check --worker`, started by
 * workers.ts): it checks the students its parent sends over the IPC channel,
 * several at a time, each in a context of its own (own profile, keystore,
 * kafkajs clients, groups), and sends back each report. It has the
 * environment and working folder that one child per student had before:
 * no KAFKA_TUTOR_* setting of the grader, the cluster's properties file.
 */
import { UserError } from '../errors.js';
import { loadCheckCourse, runCheck } from '../check/run.js';
import type { Course } from '../engine/types.js';
import { exitCodeOf, type CheckReport } from '../check/types.js';
import type { Student } from './roster.js';

/** What the parent sends: one student to check. */
export interface WorkerJob {
  id: number;
  student: Student;
  brokers: string[];
  timeoutSeconds: number;
  lessons: string[];
  course: string;
}

/** What the worker answers: the report, or why there is none (the words a child's stderr used to give). */
export interface WorkerAnswer {
  id: number;
  report: CheckReport | null;
  exitCode: number;
  problem?: string;
}

const EXIT_BUG = 70;

/** Courses this worker loaded and checked, by folder: the same for every student of a grading run (reading and checking one costs 20–60 ms). */
const courses = new Map<string, Course>();

/** The course of a job, loaded once per worker; undefined when it cannot be loaded (the check then says why). */
function loadedCourse(folder: string): Course | undefined {
  if (!courses.has(folder)) {
    try {
      courses.set(folder, loadCheckCourse(folder));
    } catch {
      return undefined;
    }
  }
  return courses.get(folder);
}

/**
 * One student's check in this process; never throws.
 *
 * @example
 *   const answer = await checkOne({ id: 1, student: { clientId: 'client1', credentials: '/abs/client1' }, brokers: ['127.0.0.1:19093'], timeoutSeconds: 60, lessons: [], course });
 */
export async function checkOne(job: WorkerJob): Promise<WorkerAnswer> {
  try {
    const loaded = loadedCourse(job.course);
    const report = await runCheck({ bootstrap: job.brokers.join(','), auth: job.student.credentials, clientId: job.student.clientId }, { lessons: job.lessons, timeoutMs: job.timeoutSeconds * 1000, course: job.course, loaded });
    return { id: job.id, report, exitCode: exitCodeOf(report) };
  } catch (error) {
    // What the check command would have printed before exiting: its one sentence, or a bug's message.
    const exitCode = error instanceof UserError ? (error.exitCode ?? 2) : EXIT_BUG;
    const words = error instanceof Error ? error.message : String(error);
    return { id: job.id, report: null, exitCode, problem: `The check ended without a report (exit code ${exitCode}): ${words.split('\n')[0]?.slice(0, 300)}` };
  }
}

/**
 * Serves the parent until it closes the channel; resolves with the exit code.
 *
 * @example
 *   process.exitCode = await serveGradeWorker();
 */
export function serveGradeWorker(): Promise<number> {
  const send = process.send?.bind(process);
  if (!send) throw new UserError('check --worker is started by kafka-tutor grade, not by hand.', { fix: 'kafka-tutor grade <roster.csv>', code: 'worker-alone', exitCode: 2 });
  return new Promise((resolve) => {
    let running = 0;
    let closing = false;
    const finish = () => {
      if (closing && running === 0) {
        resolve(0);
        // kafkajs may keep a timer or two alive after its clients disconnect: a worker with nothing left to do leaves.
        setTimeout(() => process.exit(0), 200).unref();
      }
    };
    process.on('message', (job: WorkerJob) => {
      running += 1;
      void checkOne(job).then((answer) => {
        send(answer);
        running -= 1;
        finish();
      });
    });
    process.on('disconnect', () => {
      closing = true;
      finish();
    });
  });
}
