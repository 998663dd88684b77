/**
 * Just enough of the Kafka wire protocol for the doctor: ApiVersions ("are you
 * a Kafka broker?", answered before any authorisation) and FindCoordinator
 * (whose error code says whether the ACLs let you use a consumer group, which
 * kafkajs swallows into "Failed to find group coordinator").
 */
const API_VERSIONS = 18;
const FIND_COORDINATOR = 10;
const CLIENT_ID = 'kafka-tutor-doctor';

/** Kafka's error code for a consumer group the ACLs deny. */
export const GROUP_AUTHORIZATION_FAILED = 30;

function kafkaString(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(2);
  length.writeInt16BE(bytes.length, 0);
  return Buffer.concat([length, bytes]);
}

/** A size-prefixed request with a v1 header (key, version, correlation id, client id). */
function encodeRequest(apiKey: number, correlationId: number, body: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeInt16BE(apiKey, 0);
  header.writeInt16BE(0, 2); // version 0: every broker from 0.10 to 4.x answers it
  header.writeInt32BE(correlationId, 4);
  const message = Buffer.concat([header, kafkaString(CLIENT_ID), body]);
  const size = Buffer.alloc(4);
  size.writeInt32BE(message.length, 0);
  return Buffer.concat([size, message]);
}

/**
 * The bytes of an ApiVersions v0 request.
 *
 * @example
 *   socket.write(encodeApiVersionsRequest(7));
 */
export function encodeApiVersionsRequest(correlationId: number): Buffer {
  return encodeRequest(API_VERSIONS, correlationId, Buffer.alloc(0));
}

/**
 * The bytes of a FindCoordinator v0 request for a consumer group.
 *
 * @example
 *   socket.write(encodeFindCoordinatorRequest(8, 'simple_consumer'));
 */
export function encodeFindCoordinatorRequest(correlationId: number, groupId: string): Buffer {
  return encodeRequest(FIND_COORDINATOR, correlationId, kafkaString(groupId));
}

/** The error code of a FindCoordinator v0 response (0 when the group may be used), once it is complete. */
export function findCoordinatorError(response: Buffer): number | undefined {
  return response.length >= 10 ? response.readInt16BE(8) : undefined;
}

/**
 * True when `bytes` start like a Kafka response to `correlationId`: a
 * plausible size followed by that correlation id.
 *
 * @example
 *   isKafkaResponse(chunk, 7) // true for a broker's answer
 */
export function isKafkaResponse(bytes: Buffer, correlationId: number): boolean {
  if (bytes.length < 8) return false;
  const size = bytes.readInt32BE(0);
  return size >= 4 && size < 1_000_000 && bytes.readInt32BE(4) === correlationId;
}

/** True when `bytes` start like a TLS record (handshake 22 or alert 21, version 3.x). */
export function isTlsRecord(bytes: Buffer): boolean {
  return bytes.length >= 2 && (bytes[0] === 0x16 || bytes[0] === 0x15) && bytes[1] === 0x03;
}
