import { lookup } from 'node:dns/promises';
import { connect as connectTcp, isIP, type Socket } from 'node:net';
import { checkServerIdentity, connect as connectTls, type PeerCertificate, type TLSSocket } from 'node:tls';
import { encodeApiVersionsRequest, isKafkaResponse, isTlsRecord } from './kafka-wire.js';

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
}

export type ProbeOutcome =
  | { kind: 'unresolvable' }
  | { kind: 'refused' }
  | { kind: 'timeout'; connected: boolean }
  | { kind: 'plaintext-kafka' }
  | { kind: 'not-tls' }
  | { kind: 'expects-tls' }
  | { kind: 'not-kafka' }
  | { kind: 'kafka' }
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

/** Speaks plaintext Kafka to a port: Kafka answers, a TLS listener objects, anything else is "not Kafka". */
function probePlain(address: string, port: number, timeoutMs: number): Promise<ProbeOutcome> {
  return race(timeoutMs, (settle) => {
    const socket = connectTcp({ host: address, port });
    let received = Buffer.alloc(0);
    socket.once('connect', () => socket.write(encodeApiVersionsRequest(1)));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (isKafkaResponse(received, 1)) settle({ kind: 'kafka' });
      else if (isTlsRecord(received)) settle({ kind: 'expects-tls' });
      else if (received.length >= 8) settle({ kind: 'not-kafka' });
    });
    socket.on('error', (error: NodeJS.ErrnoException) => settle(error.code === 'ECONNREFUSED' ? { kind: 'refused' } : { kind: 'error', code: error.code ?? 'error' }));
    socket.on('close', () => settle({ kind: 'error', code: 'closed' }));
    return [socket];
  });
}

/** Speaks TLS, then Kafka over it: who trusts whom, and whether the broker answers. */
function probeTls(target: BrokerAddress, address: string, material: TlsMaterial, timeoutMs: number): Promise<ProbeOutcome> {
  return race(timeoutMs, (settle) => {
    let facts: TlsFacts | undefined;
    let received = Buffer.alloc(0);
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
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (facts && isKafkaResponse(received, 2)) settle({ kind: 'tls', tls: { ...facts, answer: 'kafka' } });
      else if (facts && received.length >= 8) settle({ kind: 'tls', tls: { ...facts, answer: 'not-kafka' } });
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? 'error';
      if (facts) return settle({ kind: 'tls', tls: { ...facts, answer: 'rejected', alert: code } });
      if (code === 'ECONNREFUSED') return settle({ kind: 'refused' });
      if (/ALERT/.test(code)) return settle({ kind: 'tls', tls: { untrusted: undefined, subject: undefined, names: [], hostnameError: undefined, answer: 'rejected', alert: code } });
      return settle(/WRONG_VERSION|PACKET_LENGTH|RECORD|HTTP_REQUEST/.test(code) ? { kind: 'not-tls' } : { kind: 'error', code });
    });
    socket.on('close', () => settle(facts ? { kind: 'tls', tls: { ...facts, answer: 'closed' } } : { kind: 'error', code: 'closed' }));
    return [socket, () => (facts ? { kind: 'tls', tls: facts } : undefined)];
  });
}

/**
 * Tests one broker, from its name to a Kafka answer, within `timeoutMs`:
 * DNS, TCP, then TLS (or plaintext) and an ApiVersions request. A listener
 * that hangs up on TLS is asked again in plaintext to tell "plaintext Kafka".
 *
 * @example
 *   await probeBroker({ broker: '127.0.0.1:19093', host: '127.0.0.1', port: 19093 }, 'SSL', material, 3000)
 *   // { kind: 'tls', tls: { untrusted: undefined, answer: 'kafka', … } }
 */
export async function probeBroker(target: BrokerAddress, protocol: 'SSL' | 'PLAINTEXT', material: TlsMaterial, timeoutMs: number): Promise<ProbeOutcome> {
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
    const plain = await probePlain(address, target.port, left());
    if (plain.kind !== 'error' || plain.code !== 'closed') return plain;
    // It hung up on plaintext: a TLS listener does that.
    const tls = await probeTls(target, address, {}, left());
    return tls.kind === 'tls' ? { kind: 'expects-tls' } : plain;
  }
  let tls: ProbeOutcome;
  try {
    tls = await probeTls(target, address, material, left());
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
