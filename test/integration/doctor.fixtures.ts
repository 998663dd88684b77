/**
 * Fixtures for the doctor's tests against the real sandbox broker: student
 * folders (copied, or issued by the sandbox's own CA for a fresh client id),
 * and small loopback servers that misbehave the way real networks do.
 */
import { randomInt } from 'node:crypto';
import { cpSync, readFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { issueCertificate, type CertifiedKey } from '../../src/credentials/pki.js';
import { runDoctor } from '../../src/doctor/run.js';
import type { DoctorInput, DoctorReport } from '../../src/doctor/types.js';
import { writeCredentials } from '../unit/credentials/fixtures.js';
import { studentVm } from '../unit/doctor/helpers.js';
import { sandboxState, sandboxStudent } from '../support/sandbox.js';

export type Vm = ReturnType<typeof studentVm>;

/** A VM whose auth/ is a copy of a sandbox student's credentials folder. */
export async function vmWithStudent(clientId: string): Promise<Vm> {
  const vm = studentVm();
  cpSync((await sandboxStudent(clientId)).dir, vm.authDir, { recursive: true });
  return vm;
}

/** The sandbox's CA, with its key: to issue certificates the broker trusts. */
export async function sandboxCa(): Promise<CertifiedKey> {
  const { caPath } = await sandboxState();
  return { cert: readFileSync(caPath, 'utf8'), key: readFileSync(join(dirname(caPath), 'ca.key'), 'utf8') };
}

/** A client id no sandbox student has: its certificate is valid, but no ACL names it. */
export function freshClientId(): string {
  return `client9${randomInt(100_000, 999_999)}`;
}

/** A VM with a fresh student whose certificate the sandbox CA issued (no ACLs unless the test adds them). */
export async function vmWithNewStudent(clientId: string): Promise<Vm> {
  const vm = studentVm();
  const ca = await sandboxCa();
  writeCredentials(vm.authDir, { ca, leaf: issueCertificate({ commonName: clientId, ca }) });
  return vm;
}

/** Runs the doctor on a VM against the sandbox (or `brokers`). */
export async function doctorOn(vm: Vm, input: Partial<DoctorInput> = {}): Promise<DoctorReport> {
  const state = await sandboxState();
  return runDoctor({ brokers: state.bootstrap.split(','), verifyHostname: true, securityProtocol: 'SSL', timeoutMs: 5000, ...vm, ...input });
}

/** A loopback server, closed (with its connections) by `close()`. */
export interface LoopbackServer {
  host: string;
  port: number;
  address: string;
  close(): Promise<void>;
}

async function listen(server: Server, host: string): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as { port: number };
  return {
    host,
    port,
    address: `${host}:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Accepts connections and never says a word: a port a firewall swallows. */
export function silentServer(): Promise<LoopbackServer> {
  return listen(createServer(() => undefined), '127.0.0.1');
}

/** Answers anything with an HTTP error: a port that is open but is not Kafka over TLS. */
export function textServer(): Promise<LoopbackServer> {
  return listen(createServer((socket) => socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'))), '127.0.0.1');
}

/**
 * Forwards `host` (another loopback address, e.g. 127.0.0.2) to the real broker,
 * so that the broker's certificate (localhost, 127.0.0.1) does not name it.
 */
export function forwarder(host: string, target: { host: string; port: number }): Promise<LoopbackServer> {
  return listen(
    createServer((client) => {
      const upstream = connect(target.port, target.host);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    }),
    host,
  );
}
