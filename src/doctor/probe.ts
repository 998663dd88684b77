import { lookup } from 'node:dns/promises';
import { connect as connectTcp, isIP, type Socket } from 'node:net';
import { checkServerIdentity, connect as connectTls, type PeerCertificate, type TLSSocket } from 'node:tls';
import { encodeApiVersionsRequest, encodeFindCoordinatorRequest, findCoordinatorError, isKafkaResponse, isTlsRecord } from './kafka-wire.js';

export interface BrokerAddress {
  /** As written in bootstrap.servers, e.g. 'localhost:19093'. */
  broker: string;
  host: string;
  port: number;
}

/** What the broker's side of a TLS connection showed. */
export interface TlsFacts {
  /** Why ca.crt does not vouch for the broker's certificate (an OpenSSL code), if it does not. */
  untrusted: string | undefined;
  subject: string | undefined;
  /** The DNS names and IP addresses the broker's certificate is valid for. */
  names: string[];
  /** Why the certificate does not match the host name, if it does not (computed even when checking is off). */
  hostnameError: string | undefined;
  /** What happened to a Kafka request sent over the TLS connection. */
  answer: 'kafka' | 'rejected' | 'closed' | 'timeout' | 'not-kafka';
  /** The TLS alert that ended the connection, e.g. 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE'. */
  alert: string | undefined;
  /** Kafka's answer about the group asked for on the same connection (0: it may be used), when it came. */
  coordinatorError?: number | undefined;
}

export type ProbeOutcome =
  | { kind: 'unresolvable' }
  | { kind: 'refused' }
  | { kind: 'timeout'; connected: boolean }
  | { kind: 'plaintext-kafka' }
  | { kind: 'not-tls' }
  | { kind: 'expects-tls' }
  | { kind: 'not-kafka' }
  | { kind: 'kafka'; coordinatorError?: number | undefined }
  | { kind: 'tls'; tls: TlsFacts }
  | { kind: 'error'; code: string };

export interface TlsMaterial {
  ca?: string | undefined;
  key?: string | undefined;
  cert?: string | undefined;
}

const DNS_NOT_FOUND = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'ENODATA']);

function namesOf(cert: PeerCertificate): string[] {
  return (cert.subjectaltname ?? '').split(', ').filter(Boolean).map((entry) => entry.replace(/^(DNS|IP Address):/, ''));
}

function subjectOf(cert: PeerCertificate): string | undefined {
  return cert.subject?.CN === undefined ? undefined : `CN=${String(cert.subject.CN)}`;
}

/** Resolves a host name; names under `.invalid` never resolve (RFC 6761), so no DNS server is asked. */
async function resolveHost(host: string): Promise<string | undefined> {
  if (isIP(host)) return host;
  if (/\.invalid\.?$/i.test(host)) return undefined;
  try {
    return (await lookup(host)).address;
  } catch (error) {
    if (DNS_NOT_FOUND.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
}

/** Runs `start` until it settles or `timeoutMs` passes, destroying its socket either way. */
function race(timeoutMs: number, start: (settle: (outcome: ProbeOutcome) => void) => [Socket, (() => ProbeOutcome | undefined)?]): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    let done = false;
    let connected = false;
    const settle = (outcome: ProbeOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const [socket, onTimeout] = start(settle);
    socket.once('connect', () => (connected = true));
    const timer = setTimeout(() => settle(onTimeout?.() ?? { kind: 'timeout', connected }), timeoutMs);
  });
}

/** How long a probe waits for the group's answer after the broker answered ApiVersions; then the group check asks on its own. */
const GROUP_ANSWER_MS = 1000;

/**
 * Reads the answers on a probe's connection: ApiVersions (correlation id 1 or 2), then, when
 * `group` is given, FindCoordinator for it (correlation id 3) on the same connection, so that
 * the doctor's group check needs no connection of its own.
 */
function kafkaAnswers(socket: Socket, apiVersionsId: number, group: string | undefined, settle: (coordinatorError: number | undefined) => void) {
  let received = Buffer.alloc(0);
  let asked = false;
  return {
    /** True once the broker answered ApiVersions. */
    answered: () => isKafkaResponse(received, apiVersionsId),
    /** Takes a chunk; false when the bytes are not a Kafka answer. */
    take(chunk: Buffer): boolean {
      received = Buffer.concat([received, chunk]);
      if (!isKafkaResponse(received, apiVersionsId)) return received.length < 8;
      if (group === undefined) {
        settle(undefined);
        return true;
      }
      const end = received.readInt32BE(0) + 4;
      if (received.length < end) return true;
      if (!asked) {
        asked = true;
        socket.write(encodeFindCoordinatorRequest(3, group));
        setTimeout(() => settle(undefined), GROUP_ANSWER_MS).unref();
      }
      const rest = received.subarray(end);
      const code = isKafkaResponse(rest, 3) ? findCoordinatorError(rest) : undefined;
      if (code !== undefined) settle(code);
      return true;
    },
  };
}

/** Speaks plaintext Kafka to a port: Kafka answers, a TLS listener objects, anything else is "not Kafka". */
function probePlain(address: string, port: number, timeoutMs: number, group?: string): Promise<ProbeOutcome> {
  return race(timeoutMs, (settle) => {
    const socket = connectTcp({ host: address, port });
    let received = Buffer.alloc(0);
    const answers = kafkaAnswers(socket, 1, group, (coordinatorError) => settle({ kind: 'kafka', ...(coordinatorError === undefined ? {} : { coordinatorError }) }));
    socket.once('connect', () => socket.write(encodeApiVersionsRequest(1)));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (!answers.answered() && isTlsRecord(received)) settle({ kind: 'expects-tls' });
      else if (!answers.take(chunk)) settle({ kind: 'not-kafka' });
    });
    // Once Kafka answered, whatever ends the connection leaves the group to its own check.
    const ended = (outcome: ProbeOutcome) => settle(answers.answered() ? { kind: 'kafka' } : outcome);
    socket.on('error', (error: NodeJS.ErrnoException) => ended(error.code === 'ECONNREFUSED' ? { kind: 'refused' } : { kind: 'error', code: error.code ?? 'error' }));
    socket.on('close', () => ended({ kind: 'error', code: 'closed' }));
    return [socket, () => (answers.answered() ? { kind: 'kafka' } : undefined)];
  });
}

/** Speaks TLS, then Kafka over it: who trusts whom, and whether the broker answers. */
function probeTls(target: BrokerAddress, address: string, material: TlsMaterial, timeoutMs: number, group?: string): Promise<ProbeOutcome> {
  return race(timeoutMs, (settle) => {
    let facts: TlsFacts | undefined;
    // Trust is judged below, by hand, so that every reason can be told apart.
    const socket: TLSSocket = connectTls({
      host: address,
      port: target.port,
      ...(isIP(target.host) ? {} : { servername: target.host }),
      ca: material.ca, key: material.key, cert: material.cert,
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
    });
    socket.once('secureConnect', () => {
      const peer = socket.getPeerCertificate();
      facts = {
        untrusted: socket.authorizationError === null ? undefined : String((socket.authorizationError as unknown as { code?: string }).code ?? socket.authorizationError),
        subject: subjectOf(peer),
        names: namesOf(peer),
        hostnameError: checkServerIdentity(target.host, peer)?.message,
        answer: 'timeout',
        alert: undefined,
      };
      socket.write(encodeApiVersionsRequest(2));
    });
    const answers = kafkaAnswers(socket, 2, group, (coordinatorError) => settle({ kind: 'tls', tls: { ...facts!, answer: 'kafka', coordinatorError } }));
    const answered = () => (facts && answers.answered() ? { kind: 'tls' as const, tls: { ...facts, answer: 'kafka' as const } } : undefined);
    socket.on('data', (chunk: Buffer) => {
      if (facts && !answers.take(chunk)) settle({ kind: 'tls', tls: { ...facts, answer: 'not-kafka' } });
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? 'error';
      // Kafka answered already: the certificates were accepted, and only the group's question is left unanswered.
      const done = answered();
      if (done) return settle(done);
      if (facts) return settle({ kind: 'tls', tls: { ...facts, answer: 'rejected', alert: code } });
      if (code === 'ECONNREFUSED') return settle({ kind: 'refused' });
      if (/ALERT/.test(code)) return settle({ kind: 'tls', tls: { untrusted: undefined, subject: undefined, names: [], hostnameError: undefined, answer: 'rejected', alert: code } });
      return settle(/WRONG_VERSION|PACKET_LENGTH|RECORD|HTTP_REQUEST/.test(code) ? { kind: 'not-tls' } : { kind: 'error', code });
    });
    socket.on('close', () => settle(answered() ?? (facts ? { kind: 'tls', tls: { ...facts, answer: 'closed' } } : { kind: 'error', code: 'closed' })));
    return [socket, () => answered() ?? (facts ? { kind: 'tls', tls: facts } : undefined)];
  });
}

/**
 * Tests one broker, from its name to a Kafka answer, within `timeoutMs`:
 * DNS, TCP, then TLS (or plaintext) and an ApiVersions request. A listener
 * that hangs up on TLS is asked again in plaintext to tell "plaintext Kafka".
 * With `group`, the same connection then asks for that group's coordinator (see TlsFacts.coordinatorError).
 *
 * @example
 *   await probeBroker({ broker: '127.0.0.1:19093', host: '127.0.0.1', port: 19093 }, 'SSL', material, 3000)
 *   // { kind: 'tls', tls: { untrusted: undefined, answer: 'kafka', … } }
 */
export async function probeBroker(target: BrokerAddress, protocol: 'SSL' | 'PLAINTEXT', material: TlsMaterial, timeoutMs: number, group?: string): Promise<ProbeOutcome> {
  const started = Date.now();
  const left = () => Math.max(50, timeoutMs - (Date.now() - started));
  let address: string | undefined;
  try {
    address = await Promise.race([resolveHost(target.host), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('dns timeout')), timeoutMs).unref())]);
  } catch {
    return { kind: 'timeout', connected: false };
  }
  if (address === undefined) return { kind: 'unresolvable' };
  if (protocol === 'PLAINTEXT') {
    const plain = await probePlain(address, target.port, left(), group);
    if (plain.kind !== 'error' || plain.code !== 'closed') return plain;
    // It hung up on plaintext: a TLS listener does that.
    const tls = await probeTls(target, address, {}, left());
    return tls.kind === 'tls' ? { kind: 'expects-tls' } : plain;
  }
  let tls: ProbeOutcome;
  try {
    tls = await probeTls(target, address, material, left(), group);
  } catch (error) {
    // Node checks the key material before connecting; the keystore checks explain what is wrong with it.
    return { kind: 'error', code: (error as NodeJS.ErrnoException).code ?? 'bad-key-material' };
  }
  if (tls.kind === 'not-tls' || (tls.kind === 'error' && (tls.code === 'closed' || tls.code === 'ECONNRESET'))) {
    const plain = await probePlain(address, target.port, left());
    return plain.kind === 'kafka' ? { kind: 'plaintext-kafka' } : { kind: 'not-tls' };
  }
  return tls;
}
