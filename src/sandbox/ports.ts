/**
 * The sandbox's fixed ports, like the course's cluster: node N listens on N9093 (clients),
 * N9094 (brokers and kafka-tutor's admin) and N9095 (controllers), all on 127.0.0.1.
 * KAFKA_TUTOR_SANDBOX_PORT moves them all, so that a second sandbox can run beside the first.
 */
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import { UserError } from '../errors.js';
import { findRunningSandbox } from './processes.js';

export const SANDBOX_HOST = '127.0.0.1';

/** The default client port of broker 1; `KAFKA_TUTOR_SANDBOX_PORT` moves every port (e.g. 19193 → 19193-19195, 29193…). */
const DEFAULT_FIRST_PORT = 19_093;

/** Broker 1's client port: KAFKA_TUTOR_SANDBOX_PORT (for a second sandbox, e.g. parallel test runs) or 19093. */
function firstPort(): number {
  const raw = process.env.KAFKA_TUTOR_SANDBOX_PORT;
  if (raw === undefined || raw === '') return DEFAULT_FIRST_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1024 || port > 35_530) {
    throw new UserError(`KAFKA_TUTOR_SANDBOX_PORT is ${JSON.stringify(raw)}, not a port between 1024 and 35530.`, {
      fix: 'unset KAFKA_TUTOR_SANDBOX_PORT to use 19093, or set it to a free port such as 19193',
      code: 'sandbox-port-invalid',
    });
  }
  return port;
}

/**
 * The three ports of broker `nodeId` (1-based).
 *
 * @example
 *   portsFor(2); // { sslPort: 29093, internalPort: 29094, controllerPort: 29095 }
 */
export function portsFor(nodeId: number): { sslPort: number; internalPort: number; controllerPort: number } {
  const base = firstPort() + (nodeId - 1) * 10_000;
  return { sslPort: base, internalPort: base + 1, controllerPort: base + 2 };
}

/** Resolves true when nothing listens on 127.0.0.1:port (we can bind it ourselves). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: SANDBOX_HOST, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Throws a UserError naming the first port of these brokers that something else holds,
 * and the other sandbox's folder when the holder is a kafka-tutor sandbox.
 *
 * @example
 *   await assertPortsFree(3, dir); // checks 19093-19095, 29093-29095, 39093-39095
 */
export async function assertPortsFree(brokers: number, ownDir: string): Promise<void> {
  for (let nodeId = 1; nodeId <= brokers; nodeId++) {
    for (const port of Object.values(portsFor(nodeId))) {
      if (await isPortFree(port)) continue;
      const other = findRunningSandbox(ownDir, port);
      if (other !== undefined) {
        // The usual case: a sandbox started from another working directory (the ports are fixed, like the course's).
        throw new UserError(`Port ${port} on ${SANDBOX_HOST} is held by another kafka-tutor sandbox, in ${other}; one machine runs one sandbox at a time.`, {
          fix: `use that one (run kafka-tutor in ${dirname(dirname(other))}, or set KAFKA_TUTOR_SANDBOX=${other}), or stop it: KAFKA_TUTOR_SANDBOX=${other} kafka-tutor sandbox stop`,
          code: 'port-in-use',
        });
      }
      throw new UserError(`Port ${port} on ${SANDBOX_HOST} is already in use by another program, so the sandbox cannot start.`, {
        fix: `find it with \`ss -ltnp 'sport = :${port}'\` and stop it`,
        code: 'port-in-use',
      });
    }
  }
}
