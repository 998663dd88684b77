/**
 * `kafka-tutor check`: every lesson's verification, without a prompt, against
 * the configured cluster; the result as a report for people, graders and CI.
 */
import { randomBytes } from 'node:crypto';
import { UserError } from '../errors.js';
import { doctorInputFrom } from '../doctor/from-profile.js';
import { runDoctor } from '../doctor/run.js';
import type { DoctorReport } from '../doctor/types.js';
import { loadCourse } from '../engine/course.js';
import { inProcessStarter } from '../engine/process/in-process.js';
import type { StartProgram } from '../engine/programs.js';
import { unmetRequirement } from '../engine/requirements.js';
import { needsKafka } from '../engine/session.js';
import type { Course, LoadedLesson } from '../engine/types.js';
import { NOTHING_TO_CHECK, nothingToCheck } from '../engine/verifications/doctor.js';
import { createKafka } from '../kafka/client.js';
import { deleteGroupsWithPrefix } from '../kafka/groups.js';
import { createKafkaSide, type KafkaSide } from '../kafka/lesson-side.js';
import { rangeWatermarkReader } from '../kafka/programs/backlog.js';
import { clusterError, unreachable, type Unreachable } from '../kafka/reach.js';
import { bootstrapSourceWords } from '../profile/brokers.js';
import { openCredentials, resolveProfile, sandboxDefaults } from '../profile/index.js';
import type { ClusterProfile, Credentials, ProfileFlags } from '../profile/types.js';
import type { SharedContext } from './context.js';
import { collectEvidence } from './evidence.js';
import { runLesson, sameForAll } from './runner.js';
import { CHECK_SCHEMA_VERSION, type CheckReport, type TestResult } from './types.js';

export interface CheckOptions {
  /** Lesson ids to check; all when empty. */
  lessons?: string[];
  /** Each lesson's time budget. */
  timeoutMs: number;
  /** Called when a lesson starts, for a line of progress. */
  onLesson?: (title: string) => void;
  /** The course folder (default: kafka-tutor's own lessons/). */
  course?: string | undefined;
  /** That course, already loaded and checked (grade's worker loads it once for all its students). */
  loaded?: Course | undefined;
}

const CHECK_MARK = '-check-';
/** A check consumer's fetch wait on an empty topic: its `assigned` follows the first fetch, and 100 ms measured fastest and no costlier (bench/check.mjs). */
const CHECK_FETCH_WAIT_MS = 100;
/** A broker that takes no TCP connection within this is taken as gone. */
const REACH_TIMEOUT_MS = 3000;

/** Refuses lesson ids the course does not have, naming the ones it has; the lessons in course order. */
export function selectLessons(course: Course, ids: string[] | undefined): LoadedLesson[] {
  const known = course.lessons.map((l) => l.id);
  const unknown = (ids ?? []).filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw new UserError(`There is no lesson ${unknown.map((u) => `"${u}"`).join(', ')}.`, { fix: `Use one of: ${known.map((id) => `--lesson ${id}`).join(', ')}`, code: 'lesson-unknown', exitCode: 2 });
  }
  return course.lessons.filter((l) => !ids || ids.length === 0 || ids.includes(l.id));
}

/**
 * The course to check; a missing or broken one means the check could not run (exit 2).
 *
 * @example
 *   loadCheckCourse('./my-course').lessons.map((l) => l.id)
 */
export function loadCheckCourse(folder: string | undefined): Course {
  try {
    return loadCourse(folder);
  } catch (error) {
    if (error instanceof UserError) throw new UserError(error.message, { fix: error.fix, code: error.code, exitCode: 2 });
    throw error;
  }
}

/** A lesson that stops or starts a broker (it runs alone in a check). */
const stopsBrokers = (lesson: LoadedLesson) => lesson.steps.some((s) => s.kind === 'act' && (s.action === 'stop-broker' || s.action === 'start-broker'));
/** Whether a lesson's tests judge the doctor's checklist. */
const judgesDoctor = (lesson: LoadedLesson) => lesson.steps.some((s) => s.kind === 'verify' && s.check === 'doctor' && s.test !== undefined);

function report(base: Pick<CheckReport, 'run_id' | 'started_at'> & Partial<CheckReport>, tests: TestResult[], startedMs: number): CheckReport {
  // A test skipped because its lesson cannot run on this cluster is worth 0 points and fails nobody.
  const status = base.error ? 'error' : tests.every((t) => t.status === 'pass' || (t.status === 'skipped' && t.max_points === 0)) ? 'pass' : 'fail';
  return {
    version: CHECK_SCHEMA_VERSION,
    status,
    client_id: base.client_id ?? null,
    topic: base.topic ?? null,
    bootstrap: base.bootstrap ?? [],
    run_id: base.run_id,
    started_at: base.started_at,
    duration: Math.round(Date.now() - startedMs) / 1000,
    points: tests.reduce((sum, t) => sum + t.points, 0),
    max_points: tests.reduce((sum, t) => sum + t.max_points, 0),
    tests,
    evidence: base.evidence ?? null,
    ...(base.error ? { error: base.error } : {}),
  };
}

const errorOf = (error: UserError) => ({ code: error.code ?? 'error', message: error.message, ...(error.fix ? { fix: error.fix } : {}) });

/**
 * Runs the check and returns its report; never prompts, never throws for a
 * user's mistake (that becomes `status: 'error'`, exit code 2).
 *
 * @example
 *   const report = await runCheck({ auth: './auth' }, { timeoutMs: 30_000 });
 *   report.status // 'pass'
 */
export async function runCheck(flags: ProfileFlags, options: CheckOptions): Promise<CheckReport> {
  const selected = selectLessons(options.loaded ?? loadCheckCourse(options.course), options.lessons);
  const startedMs = Date.now();
  const base = { run_id: randomBytes(3).toString('hex'), started_at: new Date(startedMs).toISOString() };
  const tests: TestResult[] = [];
  let profile: ClusterProfile;
  try {
    profile = await resolveProfile(flags, { sandbox: await sandboxDefaults() });
  } catch (error) {
    if (error instanceof UserError) return report({ ...base, error: errorOf(error) }, tests, startedMs);
    throw error;
  }
  const where = { ...base, bootstrap: profile.brokers, client_id: profile.clientId ?? null, topic: profile.clientId ?? null };
  const cluster = watchCluster(profile);
  // A cluster that is down is nobody's failure: nothing is checked, and the run "could not run".
  if (await cluster.gone()) return report({ ...where, error: errorOf(cluster.error()) }, tests, startedMs);
  cluster.arm();

  // A consumer that crashed is restarted only while the cluster is there: kafkajs alone would retry forever.
  const connect = (opened: Credentials) => {
    const kafka = createKafka(profile, opened, { role: 'check', restartOnFailure: async () => !(await cluster.gone()) });
    return { kafka, side: createKafkaSide(kafka, { clientId: opened.clientId, topic: opened.topic, bootstrap: profile.brokers.join(',') }) };
  };
  // The doctor's topic check asks on the run's own client, kept for the lessons if the checklist passes: one connection fewer.
  let early: ReturnType<typeof connect> | undefined;
  const partitions = async (topic: string) => {
    const opened = early ? undefined : await openCredentials(profile).catch(() => undefined);
    if (opened) early = connect(opened);
    return early && topic === early.side.topic ? early.side.partitions?.() : undefined;
  };
  const closeEarly = async () => void (await early?.side.close());

  // The doctor's checklist runs once per run: every lesson that judges it shares the report.
  let doctor: DoctorReport | undefined;
  let doctorFailure: string | undefined;
  if (selected.some(judgesDoctor)) {
    doctor = await runDoctor(doctorInputFrom(profile, { timeoutMs: options.timeoutMs }), { partitions });
    // A checklist that failed because the cluster went away meanwhile grades nobody.
    if (doctor.checks.some((c) => c.status === 'fail') && (await cluster.gone())) return closeEarly().then(() => report({ ...where, error: errorOf(cluster.error()) }, [], startedMs));
    const blocking = nothingToCheck(doctor);
    // Nothing to check (no folder, no keystore, no password): no test is graded, the reason is the report.
    if (blocking) return closeEarly().then(() => report({ ...where, error: { code: blocking.failureId ?? 'credentials', message: blocking.message ?? blocking.title, ...(blocking.fix ? { fix: blocking.fix } : {}) } }, [], startedMs));
    doctorFailure = doctor.checks.find((c) => c.status === 'fail')?.message;
  }

  const kafkaLessons = selected.filter(needsKafka);
  let credentials: Credentials | undefined;
  try {
    credentials = await openCredentials(profile);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    if (error.code !== undefined && NOTHING_TO_CHECK.has(error.code)) return closeEarly().then(() => report({ ...where, error: errorOf(error) }, [], startedMs));
    doctorFailure ??= error.message;
  }
  const clientId = credentials?.clientId ?? profile.clientId ?? null;
  const identified = { ...where, client_id: clientId, topic: credentials?.topic ?? clientId };
  const usable = credentials !== undefined && doctorFailure === undefined;
  const client = usable ? (early ?? connect(credentials!)) : undefined;
  if (!client) await closeEarly();
  const kafka = client?.kafka;
  const side = client?.side ?? OFFLINE;
  // The lesson programs run in this process on the credentials opened above (one keystore decryption, no
  // child environment to fill); without credentials no lesson that starts one runs.
  // Their high watermarks come from the run's own admin client: no client of their own per consumer.
  const watermarks = (topic: string) => (kafka && topic === side.topic ? rangeWatermarkReader(() => side.offsets()) : undefined);
  const starter = credentials ? inProcessStarter({ profile, credentials, watermarks, fetchWaitMs: CHECK_FETCH_WAIT_MS }) : noPrograms;
  // The lessons run at once (each with its own groups and programs); each judges only the messages it wrote itself.
  const shared: SharedContext = { flags, kafka: side, programEnv: {}, startProgram: starter, runId: base.run_id, groupPrefix: `${clientId ?? ''}${CHECK_MARK}${base.run_id}-`, doctor, written: new Map() };
  try {
    const runOne = async (lesson: LoadedLesson): Promise<TestResult[]> => {
      if (cluster.lost()) return cluster.excuse(sameForAll(lesson, 'error', { message: '' }));
      if (!usable && needsKafka(lesson)) return sameForAll(lesson, 'skipped', { message: `Skipped: your credentials do not work yet (${doctorFailure}).`, fix: 'kafka-tutor doctor' });
      const unmet = await unmetRequirement(lesson, profile.brokers);
      // Not the student's to pass or fail here: worth nothing, and the reason says where it runs.
      if (unmet) return sameForAll(lesson, 'skipped', { message: `Skipped: ${unmet.message}`, fix: unmet.fix }).map((t) => ({ ...t, max_points: 0 }));
      options.onLesson?.(lesson.title);
      const results = await runLesson(lesson, shared, options.timeoutMs);
      // A lesson that went wrong because the cluster went away is not the student's failure.
      if (results.some((t) => t.status !== 'pass')) await cluster.gone();
      return results;
    };
    // A lesson that stops a broker would shake the others' groups and leaders: it runs alone, after them.
    const outcomes = new Map<LoadedLesson, TestResult[]>();
    await Promise.all(selected.filter((l) => !stopsBrokers(l)).map(async (l) => outcomes.set(l, await runOne(l))));
    for (const lesson of selected.filter(stopsBrokers)) outcomes.set(lesson, await runOne(lesson));
    // Lessons that failed together while a broker was still shutting down asked too early: ask once more now.
    if (!cluster.lost() && [...outcomes.values()].flat().some((t) => t.status === 'fail' || t.status === 'error')) await cluster.gone();
    for (const lesson of selected) tests.push(...(cluster.lost() ? cluster.excuse(outcomes.get(lesson)!) : outcomes.get(lesson)!));
    // The run's admin stays open for the tidy-up and the evidence below: no client of their own.
    if (cluster.lost()) {
      const evidence = await collectEvidence({ kafka: undefined, clientId: clientId ?? '', topic: credentials?.topic ?? '', brokers: profile.brokers, isCheckGroup: () => true });
      return report({ ...identified, evidence, error: errorOf(cluster.error()) }, tests, startedMs);
    }
    if (!kafka || !credentials) {
      const evidence = selected.length > 0 ? await collectEvidence({ kafka: undefined, clientId: clientId ?? '', topic: '', brokers: profile.brokers, isCheckGroup: () => true }) : null;
      return report({ ...identified, evidence }, tests, startedMs);
    }
    const asker = side.connectedAdmin ? { connectedAdmin: side.connectedAdmin } : kafka;
    if (kafkaLessons.length > 0) await deleteGroupsWithPrefix(asker, shared.groupPrefix);
    const evidence = await collectEvidence({ kafka: asker, clientId: credentials.clientId, topic: credentials.topic, brokers: profile.brokers, isCheckGroup: (g) => g.startsWith(`${credentials!.clientId}${CHECK_MARK}`) });
    return report({ ...identified, evidence }, tests, startedMs);
  } finally {
    await side.close();
  }
}

const noPrograms: StartProgram = () => {
  throw new Error('a lesson started a program without credentials (needsKafka said it would not)');
};

const offline = () => Promise.reject(new Error('a lesson without Kafka steps asked for Kafka'));

/** The Kafka side of a run whose lessons need no cluster (the credentials lesson judges the doctor's report). */
const OFFLINE: KafkaSide = { clientId: '', topic: '', bootstrap: '', produce: offline, offsets: offline, committed: offline, members: offline, picture: offline, replicas: offline, brokers: offline, close: async () => undefined };

/**
 * Whether the cluster is (still) there. Asked before anything runs, and again whenever
 * something went wrong; once it was gone during the run, it counts as lost for good.
 */
function watchCluster(profile: ClusterProfile) {
  let found: Unreachable | undefined;
  let armed = false;
  return {
    /** From now on an unreachable cluster has gone away (it was there when the run began). */
    arm: () => void (armed = true),
    gone: async (): Promise<boolean> => {
      found ??= await unreachable(profile.brokers, REACH_TIMEOUT_MS);
      return found !== undefined;
    },
    lost: () => armed && found !== undefined,
    error: () => clusterError(found!, { brokers: profile.brokers, source: bootstrapSourceWords(profile.sources.brokers, profile.configFile), lost: armed }),
    /** Tests that did not pass become errors of the run, with the reason, and score nothing. */
    excuse(results: TestResult[]): TestResult[] {
      const { message, fix } = this.error();
      return results.map((t) => (t.status === 'pass' ? t : { ...t, status: 'error', message, ...(fix ? { fix } : {}), failure_id: 'cluster-lost', points: 0 }));
    },
  };
}
