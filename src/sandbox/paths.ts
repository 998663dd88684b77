/**
 * Where the sandbox keeps its files. Everything lives under one folder
 * (`$KAFKA_TUTOR_SANDBOX`, else `<$KAFKA_TUTOR_HOME or ./.kafka-tutor>/sandbox`);
 * the jar cache lives apart so that `reset` keeps it.
 */
import { join, resolve } from 'node:path';
import { cacheRoot } from '../cache.js';

/**
 * The sandbox folder, absolute.
 *
 * @example
 *   sandboxDir(); // '/home/ana/course/.kafka-tutor/sandbox'
 */
export function sandboxDir(): string {
  const explicit = process.env.KAFKA_TUTOR_SANDBOX;
  if (explicit) return resolve(explicit);
  return resolve(process.env.KAFKA_TUTOR_HOME ?? '.kafka-tutor', 'sandbox');
}

/**
 * Where Maven copies the jars of one Kafka version (kept across `reset`): `kafka-<version>`
 * under `$KAFKA_TUTOR_CACHE`, else under `~/.cache/kafka-tutor`, so versions never mix.
 *
 * @example
 *   jarCacheDir('4.4.0'); // '/home/ana/.cache/kafka-tutor/kafka-4.4.0'
 */
export function jarCacheDir(kafkaVersion: string): string {
  return join(cacheRoot(), `kafka-${kafkaVersion}`);
}

/** The fixed file names inside a sandbox folder. */
export function sandboxPaths(dir: string = sandboxDir()) {
  const pki = join(dir, 'pki');
  return {
    dir,
    state: join(dir, 'state.json'),
    /** Logging of Kafka 3.9 (log4j 1 / reload4j). */
    log4j: join(dir, 'log4j.properties'),
    /** Logging of Kafka 4.x (log4j2). */
    log4j2: join(dir, 'log4j2.properties'),
    pki,
    caCert: join(pki, 'ca.crt'),
    caKey: join(pki, 'ca.key'),
    brokerKeystore: join(pki, 'broker.keystore.pkcs12'),
    brokerPassword: join(pki, 'broker.password'),
    adminCert: join(pki, 'kafka-tutor-admin.crt'),
    adminKey: join(pki, 'kafka-tutor-admin.key'),
    /** A librdkafka-style admin properties file, for `kafka-tutor class … --admin-config`. */
    adminConfig: join(pki, 'admin.properties'),
    students: join(dir, 'students'),
    broker: (nodeId: number) => brokerPaths(join(dir, 'brokers', String(nodeId))),
  };
}

function brokerPaths(dir: string) {
  return {
    dir,
    properties: join(dir, 'server.properties'),
    data: join(dir, 'data'),
    meta: join(dir, 'data', 'meta.properties'),
    pid: join(dir, 'broker.pid'),
    log: join(dir, 'broker.log'),
  };
}

export type SandboxPaths = ReturnType<typeof sandboxPaths>;
