/**
 * Whether a cluster can be reached at all: a TCP connection to each broker,
 * nothing more. `check` and `grade` ask before they score anyone, and again
 * when a lesson went wrong, so that a cluster that is down is never counted
 * as a student's failure.
 */
import { lookup } from 'node:dns/promises';
import { connect, isIP } from 'node:net';
import { describeFailure } from '../credentials/failures.js';
import { UserError } from '../errors.js';
import { parseBroker, type BrokerAddress } from '../profile/brokers.js';

export type Reach = 'open' | 'refused' | 'unresolvable' | 'timeout';

/** Why no broker could be reached, for the sentence: the first broker's reason. */
export interface Unreachable {
  kind: Exclude<Reach, 'open'>;
  target: BrokerAddress;
  seconds: number;
}

async function addressOf(host: string): Promise<string | undefined> {
  if (isIP(host)) return host;
  // Names under .invalid never resolve (RFC 6761): no DNS server need be asked.
  if (/\.invalid\.?$/i.test(host)) return undefined;
  try {
    return (await lookup(host)).address;
  } catch {
    return undefined;
  }
}

/**
 * Opens (and at once closes) a TCP connection to one broker.
 *
 * @example
 *   await reachBroker({ broker: '127.0.0.1:19093', host: '127.0.0.1', port: 19093 }, 3000) // 'open'
 */
export async function reachBroker(target: BrokerAddress, timeoutMs: number): Promise<Reach> {
  const address = await addressOf(target.host);
  if (address === undefined) return 'unresolvable';
  return new Promise((resolve) => {
    const socket = connect({ host: address, port: target.port });
    const settle = (reach: Reach) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(reach);
    };
    const timer = setTimeout(() => settle('timeout'), timeoutMs);
    socket.once('connect', () => settle('open'));
    // Anything but a time-out (refused, reset, no route) means nothing takes the connection.
    socket.once('error', () => settle('refused'));
  });
}

/**
 * Undefined when at least one broker takes a connection; else why none does.
 *
 * @example
 *   await unreachable(['127.0.0.1:1'], 3000) // { kind: 'refused', target: { broker: '127.0.0.1:1', … }, seconds: 3 }
 */
export async function unreachable(brokers: string[], timeoutMs: number): Promise<Unreachable | undefined> {
  const targets = brokers.map(parseBroker).filter((t) => t !== undefined);
  const reaches = await Promise.all(targets.map((t) => reachBroker(t, timeoutMs)));
  if (reaches.includes('open') || targets.length === 0) return undefined;
  const first = reaches.findIndex((r) => r !== 'timeout');
  const index = first === -1 ? 0 : first;
  return { kind: reaches[index] as Unreachable['kind'], target: targets[index]!, seconds: timeoutMs / 1000 };
}

const REASONS: Record<Unreachable['kind'], string> = {
  refused: 'nothing accepts connections there',
  unresolvable: 'the host name {host} does not resolve to an address',
  timeout: 'no broker answered within {seconds} s',
};
const REACH_FAILURES = { refused: 'broker-refused', unresolvable: 'broker-unresolvable', timeout: 'brokers-all-timeout' } as const;

/**
 * The cluster could not be reached (before anything ran) or went away (`lost`, during
 * a run): "could not run" (exit code 2), never a student's failure.
 *
 * @example
 *   throw clusterError(found, { brokers: ['127.0.0.1:1'], source: '--bootstrap', lost: false });
 *   // "The cluster at 127.0.0.1:1 could not be reached (nothing accepts connections there), so nothing was checked."
 */
export function clusterError(found: Unreachable, where: { brokers: string[]; source: string; lost: boolean }): UserError {
  const vars = { brokers: where.brokers.join(','), broker: found.target.broker, host: found.target.host, port: found.target.port, seconds: found.seconds, source: where.source };
  const reason = REASONS[found.kind].replace('{host}', found.target.host).replace('{seconds}', String(found.seconds)) + (where.lost && found.kind === 'refused' ? ' any more' : '');
  const reachFix = describeFailure(REACH_FAILURES[found.kind], vars).fix ?? '';
  const { message, fix } = describeFailure(where.lost ? 'cluster-lost' : 'cluster-unreachable', { ...vars, reason, reachFix });
  return new UserError(message, { fix, code: where.lost ? 'cluster-lost' : 'cluster-unreachable', exitCode: 2 });
}
