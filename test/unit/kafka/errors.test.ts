import { KafkaJSConnectionError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { UserError, describeError } from '../../../src/errors.js';
import { explainKafkaError, isOwnGroup } from '../../../src/kafka/errors.js';

const ctx = { clientId: 'client7', topic: 'client9', group: 'client9-g', brokers: ['127.0.0.1:19093'], sandbox: true };
// kafkajs builds protocol errors from the broker's error code entries: { type, code, retriable, message }.
const protocol = (type: string, code: number) => new KafkaJSProtocolError({ type, code, retriable: false, message: `${type} message` } as never);
const tlsError = (code: string, message: string) => Object.assign(new Error(message), { code });

const explain = (error: unknown) => explainKafkaError(error, ctx) as UserError;

describe('explainKafkaError', () => {
  it('names the client id and its own topic when the topic is not allowed, even wrapped in retries', () => {
    const error = explain(new KafkaJSNumberOfRetriesExceeded(protocol('TOPIC_AUTHORIZATION_FAILED', 29) as never, { retryCount: 3, retryTime: 1000 } as never));
    expect(error).toBeInstanceOf(UserError);
    expect(error.code).toBe('topic-not-allowed');
    expect(describeError(error).text).toMatchInlineSnapshot(`
      "Client client7 may not use the topic client9: each student may use only the topic named after their client id, client7.
        Fix: Use your own topic: client7"
    `);
  });

  it('lists the groups a student may use', () => {
    const error = explain(protocol('GROUP_AUTHORIZATION_FAILED', 30));
    expect(error.message).toContain('client9-g');
    expect(error.message).toContain('simple_consumer');
    expect(error.fix).toContain('--group client7-');
  });

  it('reads a missing coordinator for a foreign group as a refused group', () => {
    // What kafkajs throws (its class is not exported): only the name tells it apart.
    const lost = Object.assign(new KafkaJSNonRetriableError('Failed to find group coordinator'), {});
    Object.defineProperty(lost, 'name', { value: 'KafkaJSGroupCoordinatorNotFound' });
    expect(explain(lost).code).toBe('group-not-allowed');
    expect((explainKafkaError(lost, { ...ctx, group: 'client7-mine' }) as UserError).code).toBe('group-coordinator');
  });

  it('says the topic does not exist', () => {
    expect(explain(protocol('UNKNOWN_TOPIC_OR_PARTITION', 3)).message).toBe('The topic client9 does not exist on this cluster.');
  });

  it('tells a refused connection from an unknown host and a timeout, with the sandbox fix', () => {
    const refused = explain(new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:19093', { code: 'ECONNREFUSED' } as never));
    expect(refused.code).toBe('broker-unreachable');
    expect(refused.fix).toContain('kafka-tutor sandbox start');
    expect(explain(new KafkaJSConnectionError('Connection error: getaddrinfo ENOTFOUND nope', { code: 'ENOTFOUND' } as never)).code).toBe('broker-unknown-host');
    expect(explain(new KafkaJSConnectionError('Connection timeout')).code).toBe('broker-timeout');
  });

  it('explains TLS trust, host name and handshake failures', () => {
    expect(explain(new KafkaJSConnectionError('Connection error: self-signed certificate in certificate chain', { code: 'SELF_SIGNED_CERT_IN_CHAIN' } as never)).code).toBe('tls-untrusted');
    expect(explain(tlsError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames")).fix).toContain('ssl.endpoint.identification.algorithm=none');
    expect(explain(new KafkaJSConnectionError('Connection error: Client network socket disconnected before secure TLS connection was established', { code: 'ECONNRESET' } as never)).code).toBe('tls-handshake');
  });

  it('leaves a UserError alone and a plain bug a bug', () => {
    const user = new UserError('x');
    expect(explainKafkaError(user, ctx)).toBe(user);
    const bug = new TypeError('undefined is not a function');
    expect(explainKafkaError(bug, ctx)).toBe(bug);
  });
});

describe('isOwnGroup', () => {
  it('accepts the client id prefix and the shared group only', () => {
    expect(isOwnGroup('client7-a', 'client7')).toBe(true);
    expect(isOwnGroup('simple_consumer', 'client7')).toBe(true);
    expect(isOwnGroup('client8-a', 'client7')).toBe(false);
  });
});
