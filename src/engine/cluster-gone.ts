/**
 * A cluster that went away in the middle of a lesson (the broker stopped, the
 * sandbox was shut down): told apart from a student's mistake, said in one
 * sentence with the fix, and the lesson waits to be tried again.
 */
import { connect } from 'node:net';
import { UserError } from '../errors.js';

/** The connection failures (src/kafka/errors.ts codes) that mean the cluster is not there. */
const GONE_CODES = new Set(['broker-unreachable', 'broker-timeout']);

/**
 * Whether any of `brokers` ("host:port") accepts a TCP connection within `timeoutMs`.
 *
 * @example
 *   await anyBrokerListening(['127.0.0.1:19093']) // false while the sandbox is stopped
 */
export async function anyBrokerListening(brokers: string[], timeoutMs = 2000): Promise<boolean> {
  const tries = brokers.map(
    (address) =>
      new Promise<boolean>((resolve) => {
        const at = address.lastIndexOf(':');
        const socket = connect({ host: address.slice(0, at), port: Number(address.slice(at + 1)) });
        const done = (up: boolean) => {
          socket.destroy();
          resolve(up);
        };
        socket.setTimeout(timeoutMs, () => done(false));
        socket.once('connect', () => done(true));
        socket.once('error', () => done(false));
      }),
  );
  return (await Promise.all(tries)).some(Boolean);
}

/**
 * Whether a step's failure is the cluster's absence rather than the student's doing:
 * a Kafka connection error, or no broker listening any more.
 *
 * @example
 *   if (await clusterGone(error, ['127.0.0.1:19093'])) say(clusterGoneError('127.0.0.1:19093'));
 */
export async function clusterGone(error: unknown, brokers: string[]): Promise<boolean> {
  if (brokers.length === 0) return false;
  if (error instanceof UserError && error.code !== undefined && GONE_CODES.has(error.code)) return true;
  return !(await anyBrokerListening(brokers));
}

/**
 * The sentence and the fix for a cluster that went away.
 *
 * @example
 *   clusterGoneError('127.0.0.1:19093').message // 'The Kafka cluster at 127.0.0.1:19093 went away in the middle of the lesson; your progress is saved.'
 */
export function clusterGoneError(bootstrap: string): UserError {
  return new UserError(`The Kafka cluster at ${bootstrap} went away in the middle of the lesson; your progress is saved.`, {
    fix: 'Start it again (the sandbox: kafka-tutor sandbox start, in another terminal), then choose "Try again".',
    code: 'cluster-gone',
  });
}
