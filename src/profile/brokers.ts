import { UserError } from '../errors.js';
import type { ValueSource } from './types.js';

/** One broker of bootstrap.servers, split into host and port. */
export interface BrokerAddress {
  /** As written in bootstrap.servers, e.g. 'localhost:19093'. */
  broker: string;
  host: string;
  port: number;
}

/**
 * Splits `host:port` (or `[::1]:port`); undefined when it is not one.
 *
 * @example
 *   parseBroker("localhost:19093") // { broker: "localhost:19093", host: "localhost", port: 19093 }
 */
export function parseBroker(broker: string): BrokerAddress | undefined {
  const match = /^\[?([^\]\s]+?)\]?:(\d{1,5})$/.exec(broker.trim());
  const port = Number(match?.[2]);
  if (!match?.[1] || !(port > 0 && port < 65536)) return undefined;
  return { broker: broker.trim(), host: match[1], port };
}

/**
 * The brokers of a bootstrap list, refused as bad configuration (exit code 2)
 * unless every one is host:port: nothing can listen at ":::".
 *
 * @example
 *   parseBootstrap('127.0.0.1:19093,127.0.0.1:29093', '--bootstrap') // ['127.0.0.1:19093', '127.0.0.1:29093']
 *   parseBootstrap(':::', '--bootstrap') // throws "::: (from --bootstrap) is not a host:port address."
 */
export function parseBootstrap(text: string, source: string): string[] {
  const brokers = text.split(',').map((b) => b.trim()).filter(Boolean);
  const invalid = brokers.length === 0 ? text.trim() || '(empty)' : brokers.find((b) => parseBroker(b) === undefined);
  if (invalid !== undefined) {
    throw new UserError(`"${invalid}" (from ${source}) is not a host:port address, so kafka-tutor cannot connect to it.`, {
      fix: 'Write brokers as host:port,host:port, e.g. --bootstrap 127.0.0.1:19093',
      code: 'broker-address-invalid',
      exitCode: 2,
    });
  }
  return brokers;
}

/**
 * Where the bootstrap list came from, as messages name it.
 *
 * @example
 *   bootstrapSourceWords('config', 'kafka-tutor.properties') // 'bootstrap.servers in kafka-tutor.properties'
 */
export function bootstrapSourceWords(source: ValueSource | undefined, configFile?: string): string {
  switch (source) {
    case 'flag': return '--bootstrap';
    case 'env': return 'KAFKA_TUTOR_BOOTSTRAP';
    case 'config': return `bootstrap.servers in ${configFile ?? 'the config file'}`;
    case 'sandbox': return 'the running sandbox';
    default: return 'your settings';
  }
}
