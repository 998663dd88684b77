/**
 * A Metadata request (v4) for one topic and what produce needs of its answer: the brokers'
 * addresses and each partition's leader. Lets `produce` start without loading kafkajs
 * (a third of its start-up); any error sends it back to kafkajs, which explains it.
 */

export const METADATA_API_KEY = 3;
/** v4: Kafka 4 dropped v0–v3; v4–v8 add only fields produce does not need. */
export const METADATA_API_VERSION = 4;

export interface TopicLeaders {
  brokers: Map<number, { host: string; port: number }>;
  /** 0 when the topic can be used, else Kafka's error code (3 unknown topic, 29 not authorized). */
  errorCode: number;
  partitions: { partition: number; leader: number }[];
}

/**
 * The body of a Metadata request for `topic`, never creating it.
 *
 * @example
 *   connection.request(METADATA_API_KEY, METADATA_API_VERSION, encodeMetadataBody('client1'))
 */
export function encodeMetadataBody(topic: string): Buffer {
  const name = Buffer.from(topic, 'utf8');
  const body = Buffer.alloc(4 + 2 + name.length + 1);
  body.writeInt32BE(1, 0);
  body.writeInt16BE(name.length, 4);
  name.copy(body, 6);
  body.writeInt8(0, 6 + name.length); // allow_auto_topic_creation: false
  return body;
}

/**
 * The brokers and `topic`'s partition leaders in a Metadata v4 response body.
 *
 * @example
 *   decodeMetadataBody(body, 'client1') // { brokers: Map { 1 => { host: '127.0.0.1', port: 19093 } }, errorCode: 0, partitions: [{ partition: 0, leader: 1 }] }
 */
export function decodeMetadataBody(body: Buffer, topic: string): TopicLeaders {
  let at = 0;
  const int16 = () => ((at += 2), body.readInt16BE(at - 2));
  const int32 = () => ((at += 4), body.readInt32BE(at - 4));
  const string = () => {
    const length = int16();
    if (length < 0) return null;
    at += length;
    return body.toString('utf8', at - length, at);
  };
  int32(); // throttle time
  const brokers = new Map<number, { host: string; port: number }>();
  for (let n = int32(); n > 0; n--) {
    const nodeId = int32();
    const host = string() ?? '';
    const port = int32();
    string(); // rack
    brokers.set(nodeId, { host, port });
  }
  string(); // cluster id
  int32(); // controller id
  let result: TopicLeaders = { brokers, errorCode: 3, partitions: [] };
  for (let t = int32(); t > 0; t--) {
    const errorCode = int16();
    const name = string();
    at += 1; // is_internal
    const partitions: TopicLeaders['partitions'] = [];
    for (let p = int32(); p > 0; p--) {
      int16(); // partition error: a partition without a leader reports -1 as its leader
      const partition = int32();
      const leader = int32();
      const replicas = int32();
      at += 4 * replicas;
      const inSync = int32();
      at += 4 * inSync;
      partitions.push({ partition, leader });
    }
    if (name === topic) result = { brokers, errorCode, partitions };
  }
  return result;
}
