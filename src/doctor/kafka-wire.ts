/**
 * Just enough of the Kafka wire protocol to ask "are you a Kafka broker?":
 * an ApiVersions request (key 18, version 0), which every broker answers
 * before any authentication, and the correlation id of its answer.
 */
const API_VERSIONS = 18;
const CLIENT_ID = 'kafka-tutor-doctor';

/**
 * The bytes of an ApiVersions v0 request.
 *
 * @example
 *   socket.write(encodeApiVersionsRequest(7));
 */
export function encodeApiVersionsRequest(correlationId: number): Buffer {
  const clientId = Buffer.from(CLIENT_ID, 'utf8');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length);
  body.writeInt16BE(API_VERSIONS, 0);
  body.writeInt16BE(0, 2);
  body.writeInt32BE(correlationId, 4);
  body.writeInt16BE(clientId.length, 8);
  clientId.copy(body, 10);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length, 0);
  return Buffer.concat([size, body]);
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
