import type { Admin } from 'kafkajs';
import { fail, pass } from './outcome.js';
import type { Check, CheckOutcome, DoctorState } from './types.js';

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

/** One admin connection for the Kafka-level checks, closed by runDoctor. */
async function adminFor(state: DoctorState): Promise<Admin> {
  if (state.admin) return state.admin;
  const { createKafka } = await import('../kafka/client.js');
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
  const admin = kafka.admin();
  state.admin = admin;
  await admin.connect();
  return admin;
}

async function withAdmin(state: DoctorState, run: (admin: Admin) => Promise<CheckOutcome>, denied: (type: string) => CheckOutcome | undefined): Promise<CheckOutcome> {
  try {
    return await run(await adminFor(state));
  } catch (error) {
    const type = kafkaErrorType(error);
    return (type && denied(type)) || fail('kafka-unreachable', { ...state.vars, reason: reasonOf(error) });
  }
}

function describeGroupState(state: string | undefined): string {
  if (state === 'Dead' || state === 'Empty') return 'no consumer is in it now';
  if (state === 'Stable') return 'consumers are in it now';
  return `it is ${state?.toLowerCase() ?? 'in an unknown state'} now`;
}

const topic: Check = {
  id: 'topic',
  title: 'Your topic',
  needs: ['client-id', 'tls'],
  run(state) {
    const name = state.clientId!;
    const vars = { ...state.vars, topic: name, cn: state.clientId! };
    return withAdmin(
      state,
      async (admin) => {
        const { topics } = await admin.fetchTopicMetadata({ topics: [name] });
        const partitions = topics[0]?.partitions.length ?? 0;
        return pass(`Topic ${name} exists (${partitions} partition${partitions === 1 ? '' : 's'}) and you may use it.`);
      },
      (type) => (type === 'TOPIC_AUTHORIZATION_FAILED' ? fail('topic-denied', vars) : type === 'UNKNOWN_TOPIC_OR_PARTITION' ? fail('topic-missing', vars) : undefined),
    );
  },
};

const group: Check = {
  id: 'group',
  title: 'The course\'s consumer group',
  needs: ['client-id', 'tls'],
  run(state) {
    const name = state.input.group;
    const vars = { ...state.vars, group: name, cn: state.clientId! };
    return withAdmin(
      state,
      async (admin) => {
        // DescribeGroups needs the same Describe right that joining the group needs; it changes nothing.
        const { groups } = await admin.describeGroups([name]);
        return pass(`You may use the consumer group ${name} (${describeGroupState(groups[0]?.state)}).`);
      },
      (type) => (type === 'GROUP_AUTHORIZATION_FAILED' ? fail('group-denied', vars) : undefined),
    );
  },
};

/** The checks that talk Kafka: is the student's topic there and theirs, and the course's group. */
export const kafkaChecks: Check[] = [topic, group];
