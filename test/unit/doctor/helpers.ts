import { createServer } from 'node:net';
import { join } from 'node:path';
import { runDoctor } from '../../../src/doctor/run.js';
import type { CheckResult, DoctorInput, DoctorReport } from '../../../src/doctor/types.js';
import { tempDir } from '../credentials/fixtures.js';

/** A loopback port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A student's VM in a temp dir: home, a project folder as the working dir, and its auth/ path. */
export function studentVm() {
  const home = tempDir('kt-vm-');
  const cwd = join(home, 'repos', 'cc-tutorials');
  return { home, cwd, authDir: join(cwd, 'auth') };
}

/**
 * Runs the doctor on a folder against a refused loopback port: for the file
 * checks, which come before the network and do not depend on it.
 */
export async function doctorOnFiles(vm: { home: string; cwd: string; authDir: string }, input: Partial<DoctorInput> = {}): Promise<DoctorReport> {
  return runDoctor({
    brokers: [`127.0.0.1:${await closedPort()}`],
    verifyHostname: true,
    securityProtocol: 'SSL',
    timeoutMs: 2000,
    ...vm,
    ...input,
  });
}

/** One check of a report, by id (throws when absent, so a test cannot pass by accident). */
export function check(report: DoctorReport, id: CheckResult['id']): CheckResult {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id} in the report`);
  return found;
}
