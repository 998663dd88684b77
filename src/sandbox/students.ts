/**
 * Students of the sandbox: `client1…clientN`, provisioned by the instructor's own code
 * (src/class/): a certificate (CN = client id), a credentials folder in the course's
 * layout, a topic named after the client id and ACLs that confine them to it.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { provisionStudents } from '../class/provision.js';
import { UserError } from '../errors.js';
import { readSandboxCa } from './certificates.js';
import { sandboxPaths } from './paths.js';
import { sandboxAdminConfig } from '../kafka/sandbox-admin.js';
import { isSandboxRunning, readSandboxState, writeSandboxState, type SandboxState, type SandboxStudent } from './state.js';

export { COURSE_GROUP, studentAcls } from '../class/acls.js';

export const clientIdFor = (index: number) => `client${index}`;

/**
 * Makes sure the running sandbox has students client1…clientN; adds the missing ones.
 * Returns the updated state.
 *
 * @example
 *   const state = await ensureStudents(4); // in a test setup
 */
export async function ensureStudents(count: number, dir?: string): Promise<SandboxState> {
  const state = await readSandboxState(dir);
  if (!state || !isSandboxRunning(state)) {
    throw new UserError('The sandbox is not running, so no students can be added.', { fix: `kafka-tutor sandbox start --students ${count}`, code: 'sandbox-not-running' });
  }
  return addMissingStudents(state, count);
}

/**
 * Gives every student's topic at least `partitions` partitions (`sandbox start --partitions N`):
 * new topics are created with them, existing ones grow (their messages stay where they are;
 * the course's messages have no keys, so none is routed elsewhere). Kafka cannot take
 * partitions away, so asking for fewer keeps what the topics have.
 */
async function growPartitions(state: SandboxState, partitions: number | undefined): Promise<SandboxState> {
  const now = state.partitions ?? 1;
  if (partitions === undefined || partitions <= now) return state;
  const { withClusterAdmin } = await import('../kafka/admin.js');
  await withClusterAdmin(await sandboxAdminConfig(state), (admin) => admin.ensurePartitions(state.students.map((s) => s.topic), partitions));
  const next = { ...state, partitions };
  await writeSandboxState(next);
  return next;
}

/**
 * Adds students up to `count` to a running sandbox and records them in state.json.
 * With `repair`, also recreates the topics and ACLs of the students it already knows
 * (after a crash halfway through a start, or broker data deleted by hand); both are idempotent.
 * With `partitions`, the students' topics get at least that many (see growPartitions).
 */
export async function addMissingStudents(given: SandboxState, count: number, options: { repair?: boolean; partitions?: number | undefined } = {}): Promise<SandboxState> {
  const state = await growPartitions(given, options.partitions);
  const paths = sandboxPaths(state.dir);
  const known = new Set(state.students.map((student) => student.clientId));
  const missing = Array.from({ length: count }, (_, i) => clientIdFor(i + 1)).filter((id) => !known.has(id));
  if (missing.length === 0 && !options.repair) return state;
  // A folder of a student the state does not know is left from a crash: issue it afresh.
  for (const clientId of missing) await rm(join(paths.students, clientId), { recursive: true, force: true });
  const ensured = [...(options.repair ? state.students.map((s) => s.clientId) : []), ...missing];
  const { students } = await provisionStudents({
    students: ensured.map((clientId) => ({ clientId })),
    outDir: paths.students,
    ca: await readSandboxCa(paths),
    admin: await sandboxAdminConfig(state),
    partitions: state.partitions ?? 1,
    replicationFactor: state.brokers.length,
  });
  const created: SandboxStudent[] = [];
  for (const student of students.filter((s) => s.issued)) {
    // PEM copies for the tests and the readiness check.
    const certPath = join(paths.pki, `${student.clientId}.crt`);
    const keyPath = join(paths.pki, `${student.clientId}.key`);
    await writeFile(certPath, student.issued!.cert, { mode: 0o644 });
    await writeFile(keyPath, student.issued!.key, { mode: 0o600 });
    if (!known.has(student.clientId)) created.push({ clientId: student.clientId, topic: student.topic, dir: student.dir, certPath, keyPath });
  }
  if (created.length === 0) return state;
  const order = (s: SandboxStudent) => Number(s.clientId.replace(/\D/g, ''));
  const next = { ...state, students: [...state.students, ...created].sort((a, b) => order(a) - order(b)) };
  await writeSandboxState(next);
  return next;
}

