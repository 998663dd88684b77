import type { KafkaConfig } from 'kafkajs';
import { Kafka, logLevel } from './kafkajs.js';
import type { ClusterProfile, Credentials } from '../profile/types.js';
import { tlsOptions } from './tls-options.js';

// kafkajs prints a partitioner notice on every producer; students need not see it.
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

export interface ClientOptions {
  /** Suffix for the kafkajs client id, e.g. 'consumer' (the principal comes from the certificate, not this). */
  role?: string;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** How many times kafkajs retries a failed request before giving up. */
  retries?: number;
  /** Asked when a consumer crashed for a reason worth retrying; without it kafkajs restarts it forever (a cluster that went away never ends it). */
  restartOnFailure?: (error: Error) => Promise<boolean>;
}

/**
 * The kafkajs configuration for a resolved profile and its opened credentials
 * (TLS as tls-options.ts says).
 *
 * @example
 *   const kafka = createKafka(profile, credentials, { role: 'producer' });
 */
export function kafkaConfig(
  profile: Pick<ClusterProfile, 'brokers' | 'verifyHostname'>,
  credentials: Pick<Credentials, 'clientId' | 'tls'>,
  options: ClientOptions = {},
): KafkaConfig {
  return {
    clientId: options.role ? `${credentials.clientId}-${options.role}` : credentials.clientId,
    brokers: profile.brokers,
    ssl: tlsOptions(profile, credentials),
    connectionTimeout: options.connectionTimeoutMs ?? 3000,
    requestTimeout: options.requestTimeoutMs ?? 10_000,
    retry: { retries: options.retries ?? 3, initialRetryTime: 200, maxRetryTime: 2000, ...(options.restartOnFailure ? { restartOnFailure: options.restartOnFailure } : {}) },
    logLevel: logLevel.NOTHING,
  };
}

export function createKafka(...args: Parameters<typeof kafkaConfig>): Kafka {
  return new Kafka(kafkaConfig(...args));
}
