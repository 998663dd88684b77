/**
 * Provisioning a class on a cluster: for each student a credentials folder (only when it
 * has no keystore yet), their topic and their ACLs. Idempotent: a re-run adds what is
 * missing and replaces nothing. `class create` and `sandbox start --students N` both use it.
 */
import { join } from 'node:path';
import type { KafkaConfig } from '../kafka/types.js';
import type { CertifiedKey } from '../credentials/pki.js';
import { randomPassword } from '../credentials/pki.js';
import { studentAcls } from './acls.js';
import { hasKeystore, writeStudentFolder } from './folder.js';
import type { ClassStudent } from './roster.js';

export interface ProvisionOptions {
  students: ClassStudent[];
  /** Each student's folder is `<outDir>/<client_id>`. */
  outDir: string;
  ca: CertifiedKey;
  /** The admin connection (from `--admin-config`, or the sandbox's own). */
  admin: KafkaConfig;
  partitions: number;
  replicationFactor: number;
  /** One shared class password; by default each student gets a random one. */
  password?: string | undefined;
  /** Called as each student's folder is written (for progress lines). */
  onStudent?: (clientId: string, issued: boolean) => void;
}

export interface ProvisionedStudent extends ClassStudent {
  topic: string;
  dir: string;
  /** The certificate and key when issued by this run; undefined when the folder existed. */
  issued: CertifiedKey | undefined;
}

export interface ProvisionResult {
  students: ProvisionedStudent[];
  createdTopics: string[];
}

/**
 * Writes the missing folders, then creates the missing topics and (re)states every ACL.
 *
 * @example
 *   const { students } = await provisionStudents({ students: [{ clientId: 'client45' }], outDir: 'class', ca, admin, partitions: 1, replicationFactor: 3 });
 */
export async function provisionStudents(options: ProvisionOptions): Promise<ProvisionResult> {
  const students: ProvisionedStudent[] = [];
  for (const student of options.students) {
    const dir = join(options.outDir, student.clientId);
    // Never replace a keystore: the student may have it in use already.
    const issued = hasKeystore(dir) ? undefined : await writeStudentFolder(dir, { clientId: student.clientId, ca: options.ca, password: options.password ?? randomPassword() });
    options.onStudent?.(student.clientId, issued !== undefined);
    students.push({ ...student, topic: student.clientId, dir, issued });
  }
  const { withClusterAdmin } = await import('../kafka/admin.js');
  const createdTopics = await withClusterAdmin(options.admin, async (admin) => {
    const created = await admin.ensureTopics(students.map((s) => ({ topic: s.topic, partitions: options.partitions, replicationFactor: options.replicationFactor })));
    // Creating an ACL that exists is a no-op in Kafka, so re-stating them all repairs a half-done run.
    await admin.createAcls(students.flatMap((s) => studentAcls(s)));
    return created;
  });
  return { students, createdTopics };
}
