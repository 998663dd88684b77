/**
 * `check` runs a lesson's own steps unattended: it skips what only a student
 * reads or answers, declines optional parts, performs the student's actions
 * itself at the events the steps name, and turns each verify step that names
 * a test into that test's result. A failed verification does not stop the
 * run; a step that cannot go on ends it, and the tests not reached say why.
 */
import { Cancelled, UserError } from '../errors.js';
import { resolveCases } from '../engine/cases.js';
import type { Context } from '../engine/context.js';
import { readFacts } from '../engine/facts.js';
import { runBrokerAct } from '../engine/steps/broker.js';
import { runStep } from '../engine/steps/index.js';
import type { ActStep, LoadedLesson, Step, VerifyStep } from '../engine/types.js';
import { sentenceOf, verificationNamed, type Verdict } from '../engine/verifications/index.js';
import { explainKafkaError } from '../kafka/errors.js';
import { unattendedContext, type SharedContext } from './context.js';
import type { TestResult, TestStatus } from './types.js';

const VERIFY_TIMEOUT_MS = 20_000;
const EVENT_TIMEOUT_MS = 30_000;
/** How long check waits for the cluster to show a broker it stopped or started. */
const BROKER_WAIT_MS = 60_000;
/** A broker's start is not the student's time: each start-broker step adds this to the lesson's budget. */
const BROKER_START_ALLOWANCE_MS = 60_000;
/** How long a program stores a message under `check` when nothing stops it mid-store: nobody watches it. */
export const UNATTENDED_STORE_MS = 100;

/** One test of a lesson, as its verify steps declare it. */
export interface TestDefinition {
  id: string;
  title: string;
  points: number;
  /** The verify steps that make it (usually one). */
  steps: string[];
}

/**
 * The tests of a lesson, in order: one per `test` id of its verify steps.
 *
 * @example
 *   testsOf(lesson) // [{ id: 'subscribe', title: 'a consumer joins …', points: 1, steps: ['check-subscribed'] }, …]
 */
export function testsOf(lesson: Pick<LoadedLesson, 'steps'>): TestDefinition[] {
  const tests = new Map<string, TestDefinition>();
  for (const step of lesson.steps) {
    if (step.kind !== 'verify' || step.test === undefined) continue;
    const test = tests.get(step.test) ?? { id: step.test, title: step.title ?? step.test, points: step.points ?? 0, steps: [] };
    test.steps.push(step.id);
    tests.set(step.test, test);
  }
  return [...tests.values()];
}

/** A step that could not go on (a program never assigned, an event that never came): the rest of the lesson cannot run. */
export class StepFailed extends Error {
  readonly verdict: Verdict;
  constructor(verdict: Verdict) {
    super(sentenceOf(verdict));
    this.verdict = verdict;
  }
}

/** What a step did: a verdict (verify steps), or where the lesson goes next. */
export type StepDone = { verdict: Verdict } | { next: 'continue' } | { next: 'goto'; stepId: string } | { next: 'end' };
export type PerformStep = (step: Step, ctx: Context) => Promise<StepDone>;

const CONTINUE: StepDone = { next: 'continue' };

/** The student's action, done by `check`: it types `min` marked messages, or stops a program right after the event the step names. */
async function performAct(step: ActStep, ctx: Context): Promise<StepDone> {
  if (step.action === 'wait-key') return CONTINUE;
  if (step.action === 'type-messages') {
    const values = Array.from({ length: step.min ?? 1 }, (_, i) => `kafka-tutor check ${ctx.vars.run ?? ''} ${step.as ?? step.id} ${i + 1}`.replace(/ +/g, ' '));
    ctx.run.sent[step.as ?? step.id] = await ctx.kafka.produce(values);
    return CONTINUE;
  }
  if (step.action === 'stop-broker' || step.action === 'start-broker') {
    // check does the student's part itself, through the sandbox module (the lesson requires the 3-broker sandbox).
    // Loaded here: the sandbox's broker module brings execa and the jar downloader, which no other lesson needs.
    const { startBroker, stopBroker } = await import('../sandbox/broker.js');
    const act = step.action === 'stop-broker' ? (n: number) => stopBroker(n).then(() => undefined) : (n: number) => startBroker(n).then(() => undefined);
    return outcomeOf(await runBrokerAct({ ...step, timeoutMs: Math.min(step.timeoutMs ?? BROKER_WAIT_MS, BROKER_WAIT_MS) }, ctx, act));
  }
  if (step.action === 'stop-key') {
    const name = step.program ?? '';
    const seen = await ctx.programs.waitFor(name, (e) => e.type === step.at || e.type === 'error', { timeoutMs: EVENT_TIMEOUT_MS, signal: ctx.signal });
    if (seen?.type !== step.at) {
      const happened = seen?.type === 'error' ? `it stopped with: ${seen.message}` : ctx.programs.current(name)?.exited ? 'it exited first' : `nothing came within ${EVENT_TIMEOUT_MS / 1000} s`;
      throw new StepFailed({ ok: false, expected: `${name} to report "${step.at}"`, happened, hint: seen?.type === 'error' ? seen.fix : 'kafka-tutor doctor' });
    }
    await ctx.programs.stop(name, step.signal ?? 'SIGTERM');
    return CONTINUE;
  }
  return outcomeOf(await runStep(step, ctx));
}

function outcomeOf(outcome: Awaited<ReturnType<typeof runStep>>): StepDone {
  if (outcome.next === 'failed') throw new StepFailed(outcome.finding);
  return outcome;
}

/** Whether a stop-key step stops the program this spawn step starts (before a new one starts under its name): then its storing must keep the lesson's length. */
function stoppedMidStore(steps: readonly Step[], spawn: Step & { kind: 'spawn' }): boolean {
  for (const step of steps.slice(steps.indexOf(spawn) + 1)) {
    if (step.kind === 'spawn' && step.as === spawn.as) return false;
    if (step.kind === 'act' && step.action === 'stop-key' && step.program === spawn.as) return true;
  }
  return false;
}

/**
 * One step as `check` performs it.
 *
 * @example
 *   await performStep({ id: 'intro', kind: 'explain', file: 'intro.md' }, ctx) // { next: 'continue' }: nobody reads it
 */
export async function performStep(given: Step, ctx: Context): Promise<StepDone> {
  await readFacts(ctx);
  const step = resolveCases(given, ctx.vars);
  switch (step.kind) {
    case 'explain':
    case 'command':
    case 'predict':
    case 'ask':
    case 'show':
      return CONTINUE;
    case 'optional':
      // Declined: an optional part is the tutor's alone (dev check keeps points out of it).
      return step.skipTo ? { next: 'goto', stepId: step.skipTo } : { next: 'end' };
    case 'verify':
      // A verify step without a test is the tutor's feedback alone.
      if (step.test === undefined) return CONTINUE;
      return { verdict: await verificationNamed(step.check)!.verify(ctx, step.params ?? {}, step.timeoutMs ?? VERIFY_TIMEOUT_MS) };
    case 'act':
      return performAct(step, ctx);
    case 'spawn':
      // Storing that nobody stops mid-way only delays the run: it is short under check.
      if (step.storeMs !== undefined && !stoppedMidStore(ctx.lesson.steps, step)) return outcomeOf(await runStep({ ...step, storeMs: Math.min(step.storeMs, UNATTENDED_STORE_MS) }, ctx));
      return outcomeOf(await runStep(step, ctx));
    default:
      return outcomeOf(await runStep(step, ctx));
  }
}

const seconds = (ms: number) => Math.round(ms) / 1000;

/**
 * A test result.
 *
 * @example
 *   testResult('simple', test, 'pass', { message: 'ok' }, 1200)
 */
export function testResult(lesson: string, def: Pick<TestDefinition, 'id' | 'title' | 'points'>, status: TestStatus, what: { message: string; fix?: string | undefined; failureId?: string | undefined }, ms: number): TestResult {
  return {
    name: `${lesson}: ${def.title}`,
    lesson,
    check: def.id,
    status,
    message: what.message,
    ...(what.fix ? { fix: what.fix } : {}),
    ...(what.failureId ? { failure_id: what.failureId } : {}),
    duration: seconds(ms),
    points: status === 'pass' ? def.points : 0,
    max_points: def.points,
  };
}

/** Every test of a lesson with the same status and message (a skipped lesson). */
export function sameForAll(lesson: Pick<LoadedLesson, 'id' | 'steps'>, status: TestStatus, what: { message: string; fix?: string }): TestResult[] {
  return testsOf(lesson).map((def) => testResult(lesson.id, def, status, what, 0));
}

/** How an exception ends the tests not yet made: Kafka's refusal or a step that could not go on fails them; anything else is an error of the run. */
function failureOf(error: unknown, timedOut: boolean, timeoutMs: number): { status: TestStatus; message: string; fix?: string | undefined; failureId?: string | undefined } {
  if (timedOut) return { status: 'error', message: `The lesson's check did not finish within its ${timeoutMs / 1000} s.`, fix: 'kafka-tutor check --timeout 120   (a slow cluster), then kafka-tutor doctor' };
  if (error instanceof StepFailed) return { status: 'fail', message: error.message, fix: error.verdict.hint ?? 'kafka-tutor doctor', failureId: error.verdict.failureId };
  if (error instanceof UserError) return { status: 'fail', message: error.message, fix: error.fix, failureId: error.code };
  return { status: 'error', message: `The check itself broke: ${error instanceof Error ? error.message : String(error)}.`, fix: 'Run it again; if it keeps happening, report it to the course staff with this output.' };
}

function statusOf(verdict: Verdict): TestStatus {
  return verdict.ok ? 'pass' : verdict.skipped ? 'skipped' : 'fail';
}

/**
 * Runs `lesson`'s steps with a deadline of `timeoutMs`; its programs are always stopped.
 *
 * @example
 *   const tests = await runLesson(course.lessons[1], shared, 30_000);
 */
export async function runLesson(lesson: LoadedLesson, shared: SharedContext, timeoutMs: number, perform: PerformStep = performStep): Promise<TestResult[]> {
  const defs = testsOf(lesson);
  const results = new Map<string, TestResult>();
  const pending = new Map(defs.map((d) => [d.id, new Set(d.steps)]));
  let last = Date.now();
  const record = (step: VerifyStep, verdict: Verdict) => {
    const def = defs.find((d) => d.id === step.test)!;
    const now = Date.now();
    const before = results.get(def.id);
    const ms = now - last + (before?.duration ?? 0) * 1000;
    // A test of several steps says what its first step found, unless a later one fails.
    if (!before || (before.status === 'pass' && !verdict.ok)) results.set(def.id, testResult(lesson.id, def, statusOf(verdict), { message: sentenceOf(verdict), fix: verdict.ok ? undefined : verdict.hint, failureId: verdict.failureId }, ms));
    else before.duration = seconds(ms);
    pending.get(def.id)?.delete(step.id);
    last = now;
  };
  const abort = new AbortController();
  const ctx = unattendedContext(lesson, shared, abort.signal);
  const walk = async () => {
    for (let index = 0; index < lesson.steps.length; ) {
      const step = lesson.steps[index]!;
      const done = await perform(step, ctx).catch((error: unknown) => Promise.reject(error instanceof Cancelled ? error : explainKafkaError(error, { clientId: ctx.kafka.clientId, topic: ctx.kafka.topic, brokers: ctx.kafka.bootstrap.split(',') })));
      if (abort.signal.aborted) throw new Cancelled();
      if ('verdict' in done) record(step as VerifyStep, done.verdict);
      if ('next' in done && done.next === 'end') return;
      index = 'next' in done && done.next === 'goto' ? lesson.steps.findIndex((s) => s.id === done.stepId) : index + 1;
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const starts = lesson.steps.filter((s) => s.kind === 'act' && s.action === 'start-broker').length;
  const budgetMs = timeoutMs + starts * BROKER_START_ALLOWANCE_MS;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new Cancelled());
    }, budgetMs);
  });
  try {
    await Promise.race([walk(), timeout]);
  } catch (error) {
    const { status, ...what } = failureOf(error, abort.signal.aborted, budgetMs);
    const now = Date.now();
    for (const def of defs) if ((pending.get(def.id)?.size ?? 0) > 0) results.set(def.id, testResult(lesson.id, def, status, what, now - last));
    last = now;
  } finally {
    clearTimeout(timer);
    // SIGTERM, like the tutor: the consumers leave their groups, which can then be deleted.
    await ctx.programs.stopAll('SIGTERM');
    // A broker check stopped comes back whatever happened: the sandbox is left as it was found.
    if (ctx.run.brokerStopped) await import('../sandbox/broker.js').then((b) => b.startBroker(ctx.run.brokerStopped!.nodeId)).catch(() => undefined);
  }
  // A test the lesson never reached (it ended early) is reported, not silently dropped.
  for (const def of defs) if ((pending.get(def.id)?.size ?? 0) > 0 && !results.has(def.id)) results.set(def.id, testResult(lesson.id, def, 'error', { message: 'The lesson ended before making this check.' }, 0));
  for (const def of defs) if ((pending.get(def.id)?.size ?? 0) > 0 && results.get(def.id)?.status === 'pass') results.set(def.id, testResult(lesson.id, def, 'error', { message: 'The lesson ended before making this check.' }, 0));
  return defs.map((def) => results.get(def.id)!);
}
