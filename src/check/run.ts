/**
 * `kafka-tutor check`: every lesson's verification, without a prompt, against
 * the configured cluster; the result as a report for people, graders and CI.
 */
import { randomBytes } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import { UserError } from '../errors.js';
import { doctorInputFrom } from '../doctor/from-profile.js';
import { runDoctor } from '../doctor/run.js';
import { createKafka } from '../kafka/client.js';
import { clusterError, unreachable, type Unreachable } from '../kafka/reach.js';
import { bootstrapSourceWords } from '../profile/brokers.js';
import { openCredentials, resolveProfile, sandboxDefaults } from '../profile/index.js';
import type { ClusterProfile, Credentials, ProfileFlags } from '../profile/types.js';
import { collectEvidence, deleteGroups } from './evidence.js';
import { CREDENTIAL_GROUPS, NOTHING_TO_CHECK, judgeGroup, nothingToCheck } from './lessons/credentials.js';
import { CREDENTIALS_LESSON, KAFKA_LESSONS, LESSON_IDS } from './lessons/index.js';
import { runLesson, sameForAll, testResult, type SharedContext } from './runner.js';
import { CHECK_SCHEMA_VERSION, type CheckReport, type TestResult } from './types.js';

export interface CheckOptions {
  /** Lesson ids to check; all when empty. */
  lessons?: string[];
  /** Each lesson's time budget. */
  timeoutMs: number;
  /** Called when a lesson starts, for a line of progress. */
  onLesson?: (title: string) => void;
}

const CHECK_MARK = '-check-';
/** A broker that takes no TCP connection within this is taken as gone. */
const REACH_TIMEOUT_MS = 3000;

/** Refuses lesson ids that do not exist, naming the ones that do. */
export function selectLessons(ids: string[] | undefined): Set<string> {
  const unknown = (ids ?? []).filter((id) => !(LESSON_IDS as readonly string[]).includes(id));
  if (unknown.length > 0) {
    throw new UserError(`There is no lesson ${unknown.map((u) => `"${u}"`).join(', ')}.`, { fix: `Use one of: ${LESSON_IDS.map((id) => `--lesson ${id}`).join(', ')}`, code: 'lesson-unknown', exitCode: 2 });
  }
  return new Set(ids && ids.length > 0 ? ids : LESSON_IDS);
}

function report(base: Pick<CheckReport, 'run_id' | 'started_at'> & Partial<CheckReport>, tests: TestResult[], startedMs: number): CheckReport {
  const status = base.error ? 'error' : tests.every((t) => t.status === 'pass') ? 'pass' : 'fail';
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
  const selected = selectLessons(options.lessons);
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

  let doctorFailure: string | undefined;
  if (selected.has('credentials')) {
    options.onLesson?.(CREDENTIALS_LESSON.title);
    const began = Date.now();
    const doctor = await runDoctor(doctorInputFrom(profile, { timeoutMs: options.timeoutMs }));
    const ms = (Date.now() - began) / CREDENTIAL_GROUPS.length;
    for (const group of CREDENTIAL_GROUPS) {
      const outcome = judgeGroup(group, doctor);
      const failure = outcome.status === 'fail' ? outcome.failure : { message: outcome.message };
      tests.push(testResult('credentials', group, outcome.status, failure, ms));
    }
    if (tests.some((t) => t.status !== 'pass') && (await cluster.gone())) return report({ ...where, error: errorOf(cluster.error()) }, cluster.excuse(tests), startedMs);
    const blocking = nothingToCheck(doctor);
    // Nothing to check (no folder, no keystore, no password): no test is graded, the reason is the report.
    if (blocking) return report({ ...where, error: { code: blocking.failureId ?? 'credentials', message: blocking.message ?? blocking.title, ...(blocking.fix ? { fix: blocking.fix } : {}) } }, [], startedMs);
    doctorFailure = doctor.checks.find((c) => c.status === 'fail')?.message;
  }

  const kafkaLessons = KAFKA_LESSONS.filter((l) => selected.has(l.id));
  let credentials: Credentials | undefined;
  try {
    credentials = await openCredentials(profile);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    if (error.code !== undefined && NOTHING_TO_CHECK.has(error.code)) return report({ ...where, error: errorOf(error) }, [], startedMs);
    doctorFailure ??= error.message;
  }
  const clientId = credentials?.clientId ?? profile.clientId ?? null;
  const identified = { ...where, client_id: clientId, topic: credentials?.topic ?? clientId };
  if (!credentials || doctorFailure !== undefined) {
    for (const lesson of kafkaLessons) tests.push(...sameForAll(lesson, 'skipped', { message: `Skipped: your credentials do not work yet (${doctorFailure}).`, fix: 'kafka-tutor doctor' }));
    const evidence = kafkaLessons.length > 0 || selected.has('credentials') ? await collectEvidence({ kafka: undefined, clientId: clientId ?? '', topic: '', brokers: profile.brokers, isCheckGroup: () => true }) : null;
    return report({ ...identified, evidence }, tests, startedMs);
  }

  // A consumer that crashed is restarted only while the cluster is there: kafkajs alone would retry forever.
  const kafka = createKafka(profile, credentials, { role: 'check', restartOnFailure: async () => !(await cluster.gone()) });
  const created: string[] = [];
  const shared = sharedContext(profile, credentials, flags, kafka, base.run_id, created);
  try {
    for (const lesson of kafkaLessons) {
      if (cluster.lost()) {
        tests.push(...cluster.excuse(sameForAll(lesson, 'error', { message: '' })));
        continue;
      }
      options.onLesson?.(lesson.title);
      const results = await runLesson(lesson, shared.context, options.timeoutMs);
      // A lesson that went wrong because the cluster went away is not the student's failure.
      if (results.some((t) => t.status !== 'pass')) await cluster.gone();
      tests.push(...(cluster.lost() ? cluster.excuse(results) : results));
    }
  } finally {
    await shared.close();
  }
  if (cluster.lost()) {
    const evidence = await collectEvidence({ kafka: undefined, clientId: credentials.clientId, topic: credentials.topic, brokers: profile.brokers, isCheckGroup: () => true });
    return report({ ...identified, evidence, error: errorOf(cluster.error()) }, tests, startedMs);
  }
  await deleteGroups(kafka, created);
  const evidence = await collectEvidence({ kafka, clientId: credentials.clientId, topic: credentials.topic, brokers: profile.brokers, isCheckGroup: (g) => g.startsWith(`${credentials.clientId}${CHECK_MARK}`) });
  return report({ ...identified, evidence }, tests, startedMs);
}

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

function sharedContext(profile: ClusterProfile, credentials: Credentials, flags: ProfileFlags, kafka: Kafka, runId: string, created: string[]) {
  let producer: Promise<Producer> | undefined;
  const context: SharedContext = {
    profile,
    credentials,
    kafka,
    flags,
    clientId: credentials.clientId,
    topic: credentials.topic,
    runId,
    groupId: (suffix) => {
      const group = `${credentials.clientId}${CHECK_MARK}${runId}-${suffix}`;
      if (!created.includes(group)) created.push(group);
      return group;
    },
    mark: (label) => `kafka-tutor check ${runId} ${label}`,
    producer: () => {
      producer ??= (async () => {
        const p = kafka.producer({ allowAutoTopicCreation: false });
        await p.connect();
        return p;
      })();
      return producer;
    },
  };
  return { context, close: async () => { if (producer) await (await producer.catch(() => undefined))?.disconnect().catch(() => undefined); } };
}
