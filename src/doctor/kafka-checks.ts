import { findCoordinatorCode } from './group-probe.js';
import { GROUP_AUTHORIZATION_FAILED } from './kafka-wire.js';
import { fail, pass } from './outcome.js';
import type { ProbeOutcome } from './probe.js';
import type { Check, DoctorState } from './types.js';

/** The Kafka error name (e.g. TOPIC_AUTHORIZATION_FAILED) inside whatever kafkajs threw. */
function kafkaErrorType(error: unknown): string | undefined {
  for (let e = error as { type?: string; originalError?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth += 1) {
    if (typeof e.type === 'string' && e.type !== 'UNKNOWN') return e.type;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return undefined;
}

function reasonOf(error: unknown): string {
  return (error as Error).message?.replace(/\.$/, '') ?? String(error);
}

/** How many partitions the student's topic has, asked with their own identity, of the brokers that answered the probe. */
async function countPartitions(state: DoctorState, topic: string): Promise<number> {
  // The caller's client knows every broker, so it is asked only when every broker answered the probe.
  const everyBroker = (state.probes ?? []).every((p) => p.outcome.kind === 'tls' || p.outcome.kind === 'kafka');
  const shared = everyBroker ? await state.options.partitions?.(topic) : undefined;
  if (shared !== undefined) return shared;
  const [{ createKafka }, { partitionCount }] = await Promise.all([import('../kafka/client.js'), import('../kafka/topic-metadata.js')]);
  const remaining = Math.max(500, state.deadline - Date.now());
  const tls = state.input.securityProtocol === 'SSL' && state.keystore && state.ca
    ? { ca: state.ca.pem, key: state.keystore.keyPem, cert: state.keystore.certPem }
    : undefined;
  // Only brokers that answered: kafkajs would otherwise wait its whole timeout on a dead one.
  const answered = (state.probes ?? []).filter((p) => p.outcome.kind === 'tls' || p.outcome.kind === 'kafka').map((p) => p.target.broker);
  const kafka = createKafka(
    { brokers: answered.length > 0 ? answered : state.input.brokers, verifyHostname: state.input.verifyHostname },
    { clientId: state.clientId ?? 'kafka-tutor', tls },
    { role: 'doctor', retries: 0, connectionTimeoutMs: remaining, requestTimeoutMs: remaining },
  );
  return partitionCount(kafka, topic);
}

const topic: Check = {
  id: 'topic',
  title: 'Your topic',
  needs: ['client-id', 'tls'],
  async run(state) {
    const name = state.clientId!;
    const vars = { ...state.vars, topic: name, cn: name };
    try {
      const partitions = await countPartitions(state, name);
      return pass(`Topic ${name} exists (${partitions} partition${partitions === 1 ? '' : 's'}) and you may use it.`);
    } catch (error) {
      const type = kafkaErrorType(error);
      if (type === 'TOPIC_AUTHORIZATION_FAILED') return fail('topic-denied', vars);
      if (type === 'UNKNOWN_TOPIC_OR_PARTITION') return fail('topic-missing', vars);
      return fail('kafka-unreachable', { ...state.vars, reason: reasonOf(error) });
    }
  },
};

/**
 * The group's answer the brokers probe got on its own connection, when that connection was as the
 * group check's would be: the broker trusted, its name checked if asked, the student's key and certificate sent.
 */
function askedOnProbe(state: DoctorState, outcome: ProbeOutcome): number | undefined {
  if (outcome.kind === 'kafka') return outcome.coordinatorError;
  if (outcome.kind !== 'tls' || !state.keystore?.keyMatchesCert) return undefined;
  const { tls } = outcome;
  if (tls.untrusted !== undefined || tls.answer !== 'kafka' || (state.input.verifyHostname && tls.hostnameError !== undefined)) return undefined;
  return tls.coordinatorError;
}

const group: Check = {
  id: 'group',
  title: 'The course\'s consumer group',
  needs: ['client-id', 'tls'],
  async run(state) {
    const name = state.input.group;
    const vars = { ...state.vars, group: name, cn: state.clientId! };
    const probe = state.probes?.find((p) => p.outcome.kind === 'tls' || p.outcome.kind === 'kafka');
    if (probe === undefined) return fail('kafka-unreachable', { ...state.vars, reason: 'no broker answered' });
    const { target } = probe;
    const material = state.input.securityProtocol === 'SSL' ? { ca: state.ca?.pem, key: state.keystore?.keyPem, cert: state.keystore?.certPem } : undefined;
    try {
      // Asked on the wire: kafkajs turns a denied group into "Failed to find group coordinator".
      const code = askedOnProbe(state, probe.outcome) ?? (await findCoordinatorCode(target, material, state.input.verifyHostname, name, Math.max(500, state.deadline - Date.now())));
      if (code === GROUP_AUTHORIZATION_FAILED) return fail('group-denied', vars);
      if (code !== 0) return fail('kafka-unreachable', { ...state.vars, reason: `the broker answered with Kafka error ${code} about the group ${name}` });
      return pass(`You may use the consumer group ${name}.`);
    } catch (error) {
      return fail('kafka-unreachable', { ...state.vars, reason: reasonOf(error) });
    }
  },
};

/** The checks that talk Kafka: is the student's topic there and theirs (kafkajs), and the course's group. */
export const kafkaChecks: Check[] = [topic, group];
