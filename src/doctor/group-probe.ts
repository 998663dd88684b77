import { connect as connectTcp, isIP } from 'node:net';
import { connect } from 'node:tls';
import { encodeFindCoordinatorRequest, findCoordinatorError, isKafkaResponse } from './kafka-wire.js';
import type { BrokerAddress, TlsMaterial } from './probe.js';

/**
 * Asks one broker, over the student's own TLS identity, for the coordinator of
 * `groupId`, and returns Kafka's error code (0: the group may be used; 30: the
 * ACLs deny it). Rejects on a network or TLS failure. Without `material`, plaintext.
 *
 * @example
 *   await findCoordinatorCode(target, { ca, key, cert }, false, 'simple_consumer', 3000) // 0
 */
export function findCoordinatorCode(target: BrokerAddress, material: TlsMaterial | undefined, verifyHostname: boolean, groupId: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    // No material: a PLAINTEXT listener.
    const socket = material === undefined ? connectTcp({ host: target.host, port: target.port }) : connect({
      host: target.host,
      port: target.port,
      ...(isIP(target.host) ? {} : { servername: target.host }),
      ca: material.ca, key: material.key, cert: material.cert,
      ...(verifyHostname ? {} : { checkServerIdentity: () => undefined }),
    });
    const finish = (error: Error | undefined, code?: number) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(code as number);
    };
    const timer = setTimeout(() => finish(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    let received = Buffer.alloc(0);
    socket.once(material === undefined ? 'connect' : 'secureConnect', () => socket.write(encodeFindCoordinatorRequest(3, groupId)));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const code = isKafkaResponse(received, 3) ? findCoordinatorError(received) : undefined;
      if (code !== undefined) finish(undefined, code);
    });
    socket.on('error', (error) => finish(error));
    socket.on('close', () => finish(new Error('the broker closed the connection')));
  });
}
