/**
 * Runs one lesson's check within its time budget and turns what it reported
 * (or how it broke) into one test result per declared check.
 */
import { ProgramWaitError } from '../engine/process/handle.js';
import { UserError } from '../errors.js';
import type { CheckDefinition, Failure, LessonCheck, LessonContext } from './context.js';
import type { TestResult, TestStatus } from './types.js';
import { WaitTimeout } from './wait.js';

/** What a run shares with every lesson: all of the context but the per-lesson parts. */
export type SharedContext = Omit<LessonContext, 'deadline' | 'signal' | 'defer' | 'pass' | 'fail' | 'skip'>;

const seconds = (ms: number) => Math.round(ms) / 1000;

/**
 * A test result for one check.
 *
 * @example
 *   testResult('simple', def, 'pass', { message: 'ok' }, 1200)
 */
export function testResult(lesson: string, def: CheckDefinition, status: TestStatus, failure: Failure, ms: number): TestResult {
  return {
    name: `${lesson}: ${def.title}`,
    lesson,
    check: def.id,
    status,
    message: failure.message,
    ...(failure.fix ? { fix: failure.fix } : {}),
    ...(failure.failureId ? { failure_id: failure.failureId } : {}),
    duration: seconds(ms),
    points: status === 'pass' ? def.points : 0,
    max_points: def.points,
  };
}

/** Every check of a lesson with the same status and message (a skipped lesson, a run that could not start). */
export function sameForAll(lesson: Pick<LessonCheck, 'id' | 'checks'>, status: TestStatus, failure: Failure): TestResult[] {
  return lesson.checks.map((def) => testResult(lesson.id, def, status, failure, 0));
}

/** How an exception ends the checks not yet reported: Kafka's refusal or a wait in vain fails them; anything else is an error of the run. */
function outcomeOf(error: unknown, timedOut: boolean, timeoutMs: number): { status: TestStatus; failure: Failure } {
  if (error instanceof UserError) return { status: 'fail', failure: { message: error.message, fix: error.fix, failureId: error.code } };
  // A lesson program that never did what was awaited: a failure in the lessons' own words.
  if (error instanceof ProgramWaitError) return { status: 'fail', failure: { message: error.message, fix: 'kafka-tutor doctor' } };
  if (timedOut) return { status: 'error', failure: { message: `The lesson's check did not finish within its ${timeoutMs / 1000} s.`, fix: 'kafka-tutor check --timeout 60   (a slow cluster), then kafka-tutor doctor' } };
  if (error instanceof WaitTimeout) return { status: 'fail', failure: { message: error.message, fix: 'kafka-tutor doctor' } };
  return { status: 'error', failure: { message: `The check itself broke: ${error instanceof Error ? error.message : String(error)}.`, fix: 'Run it again; if it keeps happening, report it to the course staff with this output.' } };
}

/**
 * Runs `lesson` with a deadline of `timeoutMs`; its cleanups always run.
 *
 * @example
 *   const tests = await runLesson(simpleLesson, shared, 30_000);
 */
export async function runLesson(lesson: LessonCheck, shared: SharedContext, timeoutMs: number): Promise<TestResult[]> {
  const started = Date.now();
  let last = started;
  const results = new Map<string, TestResult>();
  const cleanups: (() => Promise<unknown>)[] = [];
  const abort = new AbortController();
  const report = (id: string, status: TestStatus, failure: Failure) => {
    const def = lesson.checks.find((c) => c.id === id);
    if (!def || results.has(id)) return;
    const now = Date.now();
    results.set(id, testResult(lesson.id, def, status, failure, now - last));
    last = now;
  };
  const ctx: LessonContext = {
    ...shared,
    deadline: started + timeoutMs,
    signal: abort.signal,
    defer: (cleanup) => void cleanups.push(cleanup),
    pass: (id, message) => report(id, 'pass', { message }),
    fail: (id, failure) => report(id, 'fail', failure),
    skip: (id, message) => report(id, 'skipped', { message }),
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new WaitTimeout(`lesson ${lesson.id}`, timeoutMs));
    }, timeoutMs);
  });
  try {
    await Promise.race([lesson.run(ctx), timeout]);
  } catch (error) {
    const { status, failure } = outcomeOf(error, abort.signal.aborted, timeoutMs);
    for (const def of lesson.checks) report(def.id, status, failure);
  } finally {
    clearTimeout(timer);
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
  // A check the lesson never reached (it returned early) is reported, not silently dropped.
  for (const def of lesson.checks) report(def.id, 'error', { message: 'The lesson ended before making this check.' });
  return lesson.checks.map((def) => results.get(def.id)!);
}
