/**
 * Students of the sandbox: `client1…clientN`, each with a certificate (CN = client id),
 * a topic named after the client id, ACLs that confine them to it, and a credentials
 * folder in the course's layout: ca.crt, kafka.keystore.pkcs12, password.txt.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Admin } from 'kafkajs';
import { issueCertificate, randomPassword, writePkcs12 } from '../credentials/pki.js';
import { UserError } from '../errors.js';
import { waitForTopicLeaders, withAdmin } from './admin.js';
import { readSandboxCa } from './certificates.js';
import { sandboxPaths } from './paths.js';
import { isSandboxRunning, readSandboxState, writeSandboxState, type SandboxState, type SandboxStudent } from './state.js';

/** The course's consumer group, which every student may use. */
export const COURSE_GROUP = 'simple_consumer';

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
 * Adds students up to `count` to a running sandbox and records them in state.json.
 * With `repair`, also recreates the topics and ACLs of the students it already knows
 * (after a crash halfway through a start, or broker data deleted by hand); both are idempotent.
 */
export async function addMissingStudents(state: SandboxState, count: number, options: { repair?: boolean } = {}): Promise<SandboxState> {
  const known = new Set(state.students.map((student) => student.clientId));
  const missing = Array.from({ length: count }, (_, i) => clientIdFor(i + 1)).filter((id) => !known.has(id));
  if (missing.length === 0 && !options.repair) return state;
  const created: SandboxStudent[] = [];
  for (const clientId of missing) created.push(await writeStudentCredentials(state, clientId));
  const ensured = options.repair ? [...state.students, ...created] : created;
  await withAdmin(state, async (admin) => {
    await createStudentTopics(admin, ensured, state.brokers.length);
    await admin.createAcls({ acl: ensured.flatMap(studentAcls) });
  });
  if (created.length === 0) return state;
  const order = (s: SandboxStudent) => Number(s.clientId.replace(/\D/g, ''));
  const next = { ...state, students: [...state.students, ...created].sort((a, b) => order(a) - order(b)) };
  await writeSandboxState(next);
  return next;
}

async function writeStudentCredentials(state: SandboxState, clientId: string): Promise<SandboxStudent> {
  const paths = sandboxPaths(state.dir);
  const ca = await readSandboxCa(paths);
  const dir = join(paths.students, clientId);
  const leaf = issueCertificate({ commonName: clientId, ca });
  const password = randomPassword();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(join(dir, 'ca.crt'), ca.cert);
  await writeFile(join(dir, 'kafka.keystore.pkcs12'), writePkcs12({ key: leaf.key, cert: leaf.cert, chain: [ca.cert], password, friendlyName: clientId }), { mode: 0o600 });
  await writeFile(join(dir, 'password.txt'), `${password}\n`, { mode: 0o600 });
  const certPath = join(paths.pki, `${clientId}.crt`);
  const keyPath = join(paths.pki, `${clientId}.key`);
  await writeFile(certPath, leaf.cert);
  await writeFile(keyPath, leaf.key, { mode: 0o600 });
  return { clientId, topic: clientId, dir, certPath, keyPath };
}

async function createStudentTopics(admin: Admin, students: SandboxStudent[], replicationFactor: number): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const topics = students.filter((s) => !existing.has(s.topic)).map((s) => ({ topic: s.topic, numPartitions: 1, replicationFactor }));
  if (topics.length === 0) return;
  await admin.createTopics({ topics, waitForLeaders: false, timeout: 30_000 });
  await waitForTopicLeaders(admin, topics.map((t) => t.topic), Date.now() + 30_000);
}

/**
 * The ACLs of one student: their topic, their consumer groups (prefix = client id)
 * and the course's `simple_consumer` group. Nothing else: the authorizer denies the rest.
 *
 * @example
 *   studentAcls({ clientId: 'client1', topic: 'client1', … }).length; // 8
 */
export function studentAcls(student: Pick<SandboxStudent, 'clientId' | 'topic'>) {
  // Numeric kafkajs enums, spelled out so that this module need not load kafkajs eagerly.
  const TOPIC = 2, GROUP = 3, LITERAL = 3, PREFIXED = 4, ALLOW = 3;
  const READ = 3, WRITE = 4, DELETE = 6, DESCRIBE = 8;
  const principal = `User:${student.clientId}`;
  const entry = (resourceType: number, resourceName: string, resourcePatternType: number, operation: number) => ({
    resourceType, resourceName, resourcePatternType, principal, host: '*', operation, permissionType: ALLOW,
  });
  return [
    ...[READ, WRITE, DESCRIBE].map((op) => entry(TOPIC, student.topic, LITERAL, op)),
    ...[READ, DESCRIBE, DELETE].map((op) => entry(GROUP, student.clientId, PREFIXED, op)),
    ...[READ, DESCRIBE].map((op) => entry(GROUP, COURSE_GROUP, LITERAL, op)),
  ];
}
