/**
 * Turns what kafkajs throws into a `UserError`: one sentence a student
 * understands, naming their client id and what they may use, and the fix.
 */
import { UserError } from '../errors.js';

/** What the failing program was doing: enough to name things in the sentence. */
export interface KafkaErrorContext {
  clientId: string;
  topic?: string | undefined;
  group?: string | undefined;
  brokers: string[];
  /** True when connecting to the local sandbox (the fix then is a sandbox command). */
  sandbox?: boolean | undefined;
}

/** The group every student may use besides their own prefix (the course's simple consumer). */
export const SHARED_GROUP = 'simple_consumer';

/**
 * Whether the course's ACLs let `clientId` use `group`: its own prefix, or the shared group.
 *
 * @example
 *   isOwnGroup('client1-early', 'client1') // true
 */
export function isOwnGroup(group: string, clientId: string): boolean {
  return group === SHARED_GROUP || group.startsWith(clientId);
}

const TRUST_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
]);

interface Facts {
  types: string[];
  codes: string[];
  names: string[];
  messages: string[];
}

/** kafkajs wraps the real cause (retries exceeded → protocol error → …); collect the whole chain. */
function collectFacts(error: unknown): Facts {
  const facts: Facts = { types: [], codes: [], names: [], messages: [] };
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 8; depth++) {
    const e = current as Error & { type?: unknown; code?: unknown; originalError?: unknown };
    if (typeof e.type === 'string') facts.types.push(e.type);
    if (typeof e.code === 'string') facts.codes.push(e.code);
    facts.names.push(e.name);
    facts.messages.push(e.message);
    current = e.cause ?? e.originalError;
  }
  return facts;
}

const kafkaError = (message: string, fix: string, code: string, cause: unknown) => new UserError(message, { fix, code, cause, exitCode: 1 });

function explainConnection(facts: Facts, ctx: KafkaErrorContext, cause: unknown): UserError | undefined {
  const at = ctx.brokers.join(', ');
  const text = facts.messages.join(' | ');
  const startFix = ctx.sandbox ? 'kafka-tutor sandbox start   (then check it with kafka-tutor sandbox status)' : 'Check the address with kafka-tutor config, and that the cluster is up.';
  if (facts.codes.includes('ECONNREFUSED') || /ECONNREFUSED/.test(text)) {
    return kafkaError(`Nothing is listening at ${at}: the Kafka broker is not running there.`, startFix, 'broker-unreachable', cause);
  }
  if (facts.codes.includes('ENOTFOUND') || facts.codes.includes('EAI_AGAIN') || /ENOTFOUND|EAI_AGAIN/.test(text)) {
    return kafkaError(`The broker address ${at} does not resolve to any machine.`, 'Check --bootstrap (or bootstrap.servers in kafka-tutor.properties) with kafka-tutor config.', 'broker-unknown-host', cause);
  }
  if (facts.codes.includes('ERR_TLS_CERT_ALTNAME_INVALID') || /altnames|does not match certificate/i.test(text)) {
    return kafkaError(`The broker's certificate does not name the host you connect to (${at}), so kafka-tutor refused it.`, 'Set ssl.endpoint.identification.algorithm=none in kafka-tutor.properties, as the course does, or connect by the name in the certificate.', 'tls-hostname', cause);
  }
  if (facts.codes.some((c) => TRUST_CODES.has(c)) || /self[- ]signed|unable to verify|unable to get (local )?issuer|certificate has expired/i.test(text)) {
    return kafkaError(`The broker at ${at} presented a certificate that your ca.crt does not vouch for, so kafka-tutor does not trust it.`, 'kafka-tutor doctor   (it checks that ca.crt is the CA your course handed out)', 'tls-untrusted', cause);
  }
  if (/alert|handshake|secure TLS connection|wrong version number|packet length too long|SSL routines/i.test(text) || facts.codes.includes('ECONNRESET')) {
    return kafkaError(`The broker at ${at} ended the TLS handshake: it did not accept your client certificate, or this port does not speak SSL.`, 'kafka-tutor doctor   (it checks your keystore against ca.crt and the port)', 'tls-handshake', cause);
  }
  if (facts.names.includes('KafkaJSConnectionClosedError') || /Connection closed/i.test(text)) {
    return kafkaError(`The broker at ${at} closed the connection: usually it refused your client certificate.`, 'kafka-tutor doctor', 'tls-handshake', cause);
  }
  if (facts.names.includes('KafkaJSRequestTimeoutError') || /timeout|timed out/i.test(text) || facts.codes.includes('ETIMEDOUT')) {
    return kafkaError(`The broker at ${at} did not answer in time.`, startFix, 'broker-timeout', cause);
  }
  if (facts.names.includes('KafkaJSConnectionError') || facts.names.includes('KafkaJSNoBrokerAvailableError')) {
    return kafkaError(`kafka-tutor cannot connect to the broker at ${at}.`, startFix, 'broker-unreachable', cause);
  }
  return undefined;
}

function explainProtocol(facts: Facts, ctx: KafkaErrorContext, cause: unknown): UserError | undefined {
  const own = ctx.clientId;
  if (facts.types.includes('TOPIC_AUTHORIZATION_FAILED')) {
    const topic = ctx.topic ?? 'this topic';
    return kafkaError(`Client ${own} may not use the topic ${topic}: each student may use only the topic named after their client id, ${own}.`, `Use your own topic: ${own}`, 'topic-not-allowed', cause);
  }
  // kafkajs drops the broker's reason when FindCoordinator fails: a refused group shows up as "coordinator not found".
  const refusedGroup = facts.names.includes('KafkaJSGroupCoordinatorNotFound') && ctx.group !== undefined && !isOwnGroup(ctx.group, own);
  if (facts.types.includes('GROUP_AUTHORIZATION_FAILED') || refusedGroup) {
    const group = ctx.group ?? 'this group';
    return kafkaError(`Client ${own} may not use the consumer group ${group}: a student may use only groups whose id starts with their client id (${own}…) and the group ${SHARED_GROUP}.`, `Pick a group that starts with your client id, e.g. --group ${own}-mygroup`, 'group-not-allowed', cause);
  }
  if (facts.types.includes('UNKNOWN_TOPIC_OR_PARTITION') || facts.types.includes('LEADER_NOT_AVAILABLE')) {
    const topic = ctx.topic ?? 'the topic';
    return kafkaError(`The topic ${topic} does not exist on this cluster.`, `Use your own topic, which exists already: ${own}`, 'topic-unknown', cause);
  }
  if (facts.names.includes('KafkaJSGroupCoordinatorNotFound')) {
    return kafkaError(`The broker found no coordinator for the group ${ctx.group ?? ''}: it may still be starting.`, ctx.sandbox ? 'Wait a few seconds and try again (kafka-tutor sandbox status shows the broker).' : 'Wait a few seconds and try again.', 'group-coordinator', cause);
  }
  if (facts.types.includes('INVALID_SESSION_TIMEOUT')) {
    return kafkaError('The broker refuses this session timeout: it accepts only values between its group.min.session.timeout.ms and group.max.session.timeout.ms (6 s and 30 min by default).', 'Leave --session-timeout out (10000), or give e.g. --session-timeout 10000', 'session-timeout', cause);
  }
  if (facts.types.includes('CLUSTER_AUTHORIZATION_FAILED')) {
    return kafkaError(`Client ${own} is not allowed to do this on the cluster: students may only read and write their own topic.`, `Use your own topic (${own}) and a group starting with ${own}.`, 'cluster-not-allowed', cause);
  }
  return undefined;
}

/**
 * Explains a kafkajs failure as a `UserError`; returns anything else unchanged
 * (a `UserError` stays as it is; a plain bug stays a bug).
 *
 * @example
 *   try { await consumer.subscribe({ topics: ['client2'] }) }
 *   catch (e) { throw explainKafkaError(e, { clientId: 'client1', topic: 'client2', brokers: ['127.0.0.1:19093'] }) }
 *   // → "Client client1 may not use the topic client2: each student may use only the topic named after their client id, client1."
 */
export function explainKafkaError(error: unknown, ctx: KafkaErrorContext): unknown {
  if (error instanceof UserError) return error;
  const facts = collectFacts(error);
  const known = explainProtocol(facts, ctx, error) ?? explainConnection(facts, ctx, error);
  if (known) return known;
  if (facts.names.some((n) => n.startsWith('KafkaJS'))) {
    return kafkaError(`Kafka refused the request: ${facts.messages.at(-1) ?? 'no reason given'}.`, 'kafka-tutor doctor   (it checks your credentials and the connection step by step)', 'kafka-error', error);
  }
  return error;
}
