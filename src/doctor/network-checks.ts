import { describeFailure, type FailureId, type FailureVars } from '../credentials/failures.js';
import { fail, pass, warn } from './outcome.js';
import { parseBroker } from '../profile/brokers.js';
import { probeBroker, type BrokerAddress, type ProbeOutcome, type TlsFacts } from './probe.js';
import type { Check, CheckOutcome, DoctorState } from './types.js';

// The parser lives with the profile, which refuses a bad bootstrap list before any command runs.
export { parseBroker };

const UNTRUSTED_WORDS: Record<string, string> = {
  SELF_SIGNED_CERT_IN_CHAIN: 'it was signed by another CA',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'it was signed by another CA',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'it was signed by another CA',
  UNABLE_TO_GET_ISSUER_CERT: 'it was signed by another CA',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it is self-signed',
  CERT_HAS_EXPIRED: 'it has expired',
  CERT_NOT_YET_VALID: 'it is not valid yet',
};

function alertWords(alert: string | undefined): string {
  if (alert === undefined) return 'no reason given';
  if (/CERTIFICATE_REQUIRED/.test(alert)) return 'no certificate was sent';
  if (/EXPIRED/.test(alert)) return 'the broker says it has expired';
  if (/UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_UNKNOWN/.test(alert)) return 'the broker does not know the CA that signed it';
  return alert;
}

type Finding = { id: FailureId; vars: FailureVars } | undefined;

/** What is wrong with reaching one broker at all, if anything. */
function reachFinding(target: BrokerAddress, outcome: ProbeOutcome, seconds: string): Finding {
  const vars = { broker: target.broker, host: target.host, port: target.port, seconds };
  switch (outcome.kind) {
    case 'unresolvable': return { id: 'broker-unresolvable', vars };
    case 'refused': return { id: 'broker-refused', vars };
    case 'timeout': return { id: 'broker-timeout', vars };
    case 'plaintext-kafka': return { id: 'broker-plaintext', vars };
    case 'not-tls': return { id: 'broker-not-tls', vars };
    case 'expects-tls': return { id: 'broker-expects-ssl', vars };
    case 'not-kafka':
    case 'error': return { id: 'broker-not-kafka', vars };
    case 'tls':
    case 'kafka': return undefined;
  }
}

/** What is wrong with TLS to one broker that did answer in TLS, if anything (several things may be). */
function tlsFindings(target: BrokerAddress, facts: TlsFacts, state: DoctorState, seconds: string): NonNullable<Finding>[] {
  const vars = { broker: target.broker, host: target.host, port: target.port, seconds, subject: facts.subject ?? 'no name', cn: state.keystore?.commonName ?? 'you' };
  const found: NonNullable<Finding>[] = [];
  if (facts.untrusted) found.push({ id: 'broker-cert-untrusted', vars: { ...vars, reason: UNTRUSTED_WORDS[facts.untrusted] ?? facts.untrusted } });
  if (facts.hostnameError && state.input.verifyHostname) {
    const suggestion = facts.names[0] === undefined ? '<a name in the certificate>' : `${facts.names[0]}:${target.port}`;
    found.push({ id: 'broker-hostname-mismatch', vars: { ...vars, names: facts.names.join(', ') || 'no names', suggestion } });
  }
  if (facts.answer === 'rejected') found.push({ id: 'client-cert-rejected', vars: { ...vars, reason: alertWords(facts.alert) } });
  if (facts.answer === 'closed') found.push({ id: 'broker-closed', vars });
  if (facts.answer === 'timeout') found.push({ id: 'broker-timeout', vars });
  if (facts.answer === 'not-kafka') found.push({ id: 'broker-not-kafka', vars });
  return found;
}

/** One outcome from several brokers' findings: the first one's fix, every broker's sentence. */
function combine(findings: NonNullable<Finding>[], state: DoctorState, allFailed: boolean): CheckOutcome {
  const [first] = findings;
  if (first === undefined) throw new Error('combine() needs a finding');
  const messages = findings.map((f) => describeFailure(f.id, { ...state.vars, ...f.vars }).message);
  const outcome = (allFailed ? fail : warn)(first.id, { ...state.vars, ...first.vars });
  return { ...outcome, message: [...new Set(messages)].join(' ') };
}

const brokers: Check = {
  id: 'brokers',
  title: 'Brokers answer',
  needs: [],
  async run(state) {
    const { input } = state;
    const targets = input.brokers.map((broker) => ({ broker, target: parseBroker(broker) }));
    const invalid = targets.find((t) => t.target === undefined);
    if (invalid || targets.length === 0) return fail('broker-address-invalid', { ...state.vars, broker: invalid?.broker ?? '(none)' });
    const addresses = targets.map((t) => t.target as BrokerAddress);
    // Each broker on its own and all at once: one dead broker must not hide the others.
    const budget = Math.max(300, Math.round((state.deadline - Date.now()) * 0.6));
    const seconds = (budget / 1000).toFixed(1);
    // A key that does not match its certificate makes Node refuse to even start TLS: send none then.
    const pair = state.keystore?.keyMatchesCert ? { key: state.keystore.keyPem, cert: state.keystore.certPem } : {};
    const material = input.securityProtocol === 'SSL' ? { ca: state.ca?.pem, ...pair } : {};
    state.probes = await Promise.all(addresses.map(async (target) => ({ target, outcome: await probeBroker(target, input.securityProtocol, material, budget, input.group) })));
    const findings = state.probes.map((p) => reachFinding(p.target, p.outcome, seconds)).filter((f) => f !== undefined);
    if (findings.length === addresses.length && findings.every((f) => f.id === 'broker-timeout')) {
      return fail('brokers-all-timeout', { ...state.vars, ...findings[0]?.vars, seconds });
    }
    if (findings.length > 0) return combine(findings, state, findings.length === addresses.length);
    const protocol = input.securityProtocol === 'SSL' ? 'over TLS' : 'in plaintext';
    return pass(`${addresses.map((a) => a.broker).join(', ')} answer${addresses.length === 1 ? 's' : ''} ${protocol}.`);
  },
};

const tls: Check = {
  id: 'tls',
  title: 'TLS: you trust the brokers, they trust you',
  needs: ['brokers', 'ca-file', 'keystore'],
  async run(state) {
    if (state.input.securityProtocol === 'PLAINTEXT') return { status: 'skip', message: 'Skipped: security.protocol=PLAINTEXT uses no TLS.' };
    const reached = (state.probes ?? []).flatMap((p) => (p.outcome.kind === 'tls' ? [{ target: p.target, facts: p.outcome.tls }] : []));
    const seconds = ((state.deadline - Date.now()) / 1000).toFixed(1);
    const findings = reached.flatMap((r) => tlsFindings(r.target, r.facts, state, seconds));
    if (findings.length > 0) return combine(findings, state, true);
    const unchecked = reached.find((r) => r.facts.hostnameError !== undefined);
    const notes = unchecked ? [describeFailure('broker-hostname-unchecked', { host: unchecked.target.host }).message] : [];
    return pass(`The brokers' certificate is signed by your ca.crt, and they accept yours.`, notes);
  },
};

/** The checks that reach the brokers: addresses, ports, protocol, and TLS both ways. */
export const networkChecks: Check[] = [brokers, tls];
