import { basename, join } from 'node:path';
import { CA_FILE, KEYSTORE_FILE } from '../credentials/locate.js';
import { CLIENT_FOLDER, copyFromLaptopCommand, showPath } from '../credentials/paths.js';
import { fileChecks } from './file-checks.js';
import { kafkaChecks } from './kafka-checks.js';
import { keystoreChecks } from './keystore-checks.js';
import { networkChecks } from './network-checks.js';
import type { Check, CheckId, CheckResult, DoctorInput, DoctorOptions, DoctorReport, DoctorState } from './types.js';

/** Every check, from the files on disk to the cluster: each may need earlier ones. */
export const CHECKS: Check[] = [...fileChecks, ...keystoreChecks, ...networkChecks, ...kafkaChecks];

const CREDENTIAL_CHECKS = new Set<CheckId>(['ca-file', 'keystore-file', 'password', 'keystore', 'certificate', 'client-id', 'permissions']);

function initialState(input: DoctorInput, options: DoctorOptions): DoctorState {
  const caPath = input.caPath ?? join(input.authDir, CA_FILE);
  const keystorePath = input.keystorePath ?? join(input.authDir, KEYSTORE_FILE);
  const folder = basename(input.authDir);
  const clientGuess = input.clientId ?? (CLIENT_FOLDER.test(folder) ? folder : undefined);
  return {
    input: { ...input, caPath, keystorePath, group: input.group ?? 'simple_consumer' },
    options,
    vars: {
      authDir: showPath(input.authDir, input),
      caPath: showPath(caPath, input),
      keystorePath: showPath(keystorePath, input),
      copy: copyFromLaptopCommand(input.authDir, clientGuess),
      source: input.brokersSource ?? 'your settings',
      ...(clientGuess === undefined ? {} : { clientGuess }),
    },
    deadline: Date.now() + input.timeoutMs,
  };
}

/**
 * Runs the checklist: the credentials folder, its files, the keystore, then
 * each broker, TLS both ways, the student's topic and the course's group.
 * A check whose prerequisite failed is skipped, saying which one. The
 * password never appears in the report.
 *
 * @example
 *   const report = await runDoctor({ authDir: '/home/ubuntu/repo/auth', brokers: ['127.0.0.1:19093'],
 *     verifyHostname: false, securityProtocol: 'SSL', timeoutMs: 5000, cwd, home });
 *   report.ok // true when the student can work
 */
export async function runDoctor(input: DoctorInput, options: DoctorOptions = {}): Promise<DoctorReport> {
  const state = initialState(input, options);
  const results = new Map<CheckId, CheckResult>();
  // Failed checks, and checks skipped because of one: what later checks cannot stand on.
  const blocked = new Set<CheckId>();
  if (input.securityProtocol === 'PLAINTEXT' && input.clientId) state.clientId = input.clientId;
  for (const check of CHECKS) {
    const result = await runOne(check, state, results, blocked);
    if (result.status === 'fail' || blocked.has(check.id)) blocked.add(check.id);
    results.set(check.id, result);
    options.onCheck?.(result);
  }
  const checks = [...results.values()];
  return { ok: checks.every((c) => c.status !== 'fail'), checks };
}

async function runOne(check: Check, state: DoctorState, results: Map<CheckId, CheckResult>, blocked: Set<CheckId>): Promise<CheckResult> {
  const head = { id: check.id, title: check.title };
  if (state.input.securityProtocol === 'PLAINTEXT' && CREDENTIAL_CHECKS.has(check.id)) {
    return { ...head, status: 'skip', message: 'Skipped: security.protocol=PLAINTEXT uses no certificates.' };
  }
  const blocker = check.needs.find((id) => blocked.has(id));
  if (blocker === undefined) return { ...head, ...(await check.run(state)) };
  blocked.add(check.id);
  const cause = results.get(blocker);
  return { ...head, status: 'skip', message: `Skipped: "${cause?.title}" ${cause?.status === 'fail' ? 'failed' : 'could not run'}.` };
}
