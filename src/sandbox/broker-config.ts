/**
 * The broker's server.properties and the shared logging configuration. Security as in the
 * course: SSL everywhere with client certificates, the CN as principal, StandardAuthorizer
 * ACLs, nothing allowed without an ACL; tutorial-friendly timings.
 */
import { portsFor, SANDBOX_HOST } from './ports.js';
import type { KafkaLogging } from './kafka-version.js';
import type { SandboxPaths } from './paths.js';

export const ADMIN_CN = 'kafka-tutor-admin';
export const BROKER_CN = 'broker';
export const PRINCIPAL_MAPPING = 'RULE:^CN=([^,]+).*$/$1/,DEFAULT';

export interface BrokerConfigInput {
  nodeId: number;
  brokers: number;
  paths: SandboxPaths;
  keystorePassword: string;
}

/**
 * Renders server.properties for one KRaft node (broker and controller in one process).
 *
 * @example
 *   writeFileSync(props, renderServerProperties({ nodeId: 1, brokers: 1, paths, keystorePassword }));
 */
export function renderServerProperties({ nodeId, brokers, paths, keystorePassword }: BrokerConfigInput): string {
  const { sslPort, internalPort, controllerPort } = portsFor(nodeId);
  const voters = Array.from({ length: brokers }, (_, i) => `${i + 1}@${SANDBOX_HOST}:${portsFor(i + 1).controllerPort}`).join(',');
  const systemTopicIsr = Math.min(brokers, 2);
  const lines: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': nodeId,
    'controller.quorum.voters': voters,
    listeners: `CLIENT://${SANDBOX_HOST}:${sslPort},INTERNAL://${SANDBOX_HOST}:${internalPort},CONTROLLER://${SANDBOX_HOST}:${controllerPort}`,
    'advertised.listeners': `CLIENT://${SANDBOX_HOST}:${sslPort},INTERNAL://${SANDBOX_HOST}:${internalPort}`,
    'listener.security.protocol.map': 'CLIENT:SSL,INTERNAL:SSL,CONTROLLER:SSL',
    'inter.broker.listener.name': 'INTERNAL',
    'controller.listener.names': 'CONTROLLER',
    'log.dirs': paths.broker(nodeId).data,

    'ssl.keystore.type': 'PKCS12',
    'ssl.keystore.location': paths.brokerKeystore,
    'ssl.keystore.password': keystorePassword,
    'ssl.key.password': keystorePassword,
    // PEM: Java ignores certificate-only entries of a PKCS12 truststore made outside keytool.
    'ssl.truststore.type': 'PEM',
    'ssl.truststore.location': paths.caCert,
    'ssl.client.auth': 'required',
    'ssl.principal.mapping.rules': PRINCIPAL_MAPPING,

    'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'super.users': `User:${BROKER_CN};User:${ADMIN_CN}`,
    'allow.everyone.if.no.acl.found': false,

    'auto.create.topics.enable': false,
    'num.partitions': 1,
    'default.replication.factor': brokers,
    'min.insync.replicas': 1,
    'group.initial.rebalance.delay.ms': 0,
    'offsets.topic.replication.factor': brokers,
    // Few partitions: the first consumer group of a fresh sandbox appears in a second, not ten.
    'offsets.topic.num.partitions': 5,
    'transaction.state.log.replication.factor': brokers,
    'transaction.state.log.min.isr': systemTopicIsr,
    'transaction.state.log.num.partitions': 5,
    'log.segment.bytes': 16 * 1024 * 1024,
    'num.network.threads': 2,
    'num.io.threads': 2,
    'background.threads': 2,
  };
  const header = '# Written by kafka-tutor sandbox start; rewritten on every start. Holds the keystore password: keep private.\n';
  return header + Object.entries(lines).map(([key, value]) => `${key}=${value}`).join('\n') + '\n';
}

/** Loggers whose per-request and per-partition chatter hides the lines a student needs. */
const QUIET_LOGGERS = ['kafka.request.logger', 'state.change.logger', 'kafka.log.LogCleaner', 'org.apache.kafka.storage.internals.log'];
/** ACL decisions (denials at INFO) stay in the log: tests and `sandbox logs` read them. */
const AUTHORIZER_LOGGER = 'kafka.authorizer.logger';
/** The layout of Apache's own configuration: `[date] LEVEL message (logger)`. */
const PATTERN = '[%d] %p %m (%c)%n';

/**
 * The logging configuration for the Kafka line that runs: INFO to stdout, which the broker's
 * log file captures. Kafka 4.x reads log4j2 properties, Kafka 3.9 log4j 1 (reload4j) ones.
 *
 * @example
 *   writeFileSync(paths.log4j2, renderLog4j('log4j2'));
 */
export function renderLog4j(logging: KafkaLogging): string {
  return logging === 'log4j2' ? renderLog4j2() : renderReload4j();
}

function renderReload4j(): string {
  return [
    'log4j.rootLogger=INFO, stdout',
    'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
    'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
    `log4j.appender.stdout.layout.ConversionPattern=${PATTERN}`,
    ...QUIET_LOGGERS.map((name) => `log4j.logger.${name}=WARN`),
    `log4j.logger.${AUTHORIZER_LOGGER}=INFO`,
    '',
  ].join('\n');
}

function renderLog4j2(): string {
  const logger = (key: string, name: string, level: string) => [`logger.${key}.name=${name}`, `logger.${key}.level=${level}`];
  return [
    // log4j2's own status messages: warnings only (a bad configuration still shows up in the log).
    'status=warn',
    'appender.stdout.type=Console',
    'appender.stdout.name=STDOUT',
    'appender.stdout.layout.type=PatternLayout',
    `appender.stdout.layout.pattern=${PATTERN}`,
    'rootLogger.level=INFO',
    'rootLogger.appenderRef.stdout.ref=STDOUT',
    ...QUIET_LOGGERS.flatMap((name, i) => logger(`quiet${i + 1}`, name, 'WARN')),
    ...logger('authorizer', AUTHORIZER_LOGGER, 'INFO'),
    '',
  ].join('\n');
}
