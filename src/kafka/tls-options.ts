/**
 * The TLS options of a connection to the cluster, without kafkajs: kafkaConfig's `ssl`, and
 * produce's own connections (broker-connection.ts) use the same ones.
 */
import { createSecureContext, type ConnectionOptions, type SecureContext } from 'node:tls';
import type { ClusterProfile, Credentials } from '../profile/types.js';

/** One TLS context per opened credentials: parsing the key and CA for every connection cost more CPU than the handshake's own use of them. */
const contexts = new WeakMap<object, SecureContext>();

function secureContextOf(tls: NonNullable<Credentials['tls']>): SecureContext {
  let context = contexts.get(tls);
  if (!context) contexts.set(tls, (context = createSecureContext({ ca: [tls.ca], key: tls.key, cert: tls.cert })));
  return context;
}

/**
 * With `verifyHostname: false` the broker's certificate is still checked
 * against ca.crt; only its host name is not (librdkafka's identification=none).
 * Undefined for a cluster without TLS.
 *
 * @example
 *   tls.connect({ host, port, ...tlsOptions(profile, credentials) })
 */
export function tlsOptions(profile: Pick<ClusterProfile, 'verifyHostname'>, credentials: Pick<Credentials, 'tls'>): (ConnectionOptions & { ca: string[]; key: string; cert: string }) | undefined {
  const tls = credentials.tls;
  return (
    tls && {
      ca: [tls.ca],
      key: tls.key,
      cert: tls.cert,
      // The same ca, key and cert, parsed once (tls.connect uses it instead of building its own).
      secureContext: secureContextOf(tls),
      rejectUnauthorized: true,
      ...(profile.verifyHostname ? {} : { checkServerIdentity: () => undefined }),
    }
  );
}
