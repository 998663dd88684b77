/**
 * `inspect` against the real sandbox broker: a fresh topic of client3's with a known
 * number of messages and two groups at known offsets; the data behind the picture and
 * the drawing itself (at a fixed width, with and without colour).
 */
import { Kafka, type Admin, type Consumer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTopicPicture, type TopicPicture } from '../../src/kafka/topic-picture.js';
import { renderTopicPicture } from '../../src/inspect/render.js';
import { adminClient, createStudentTopic, studentConfig, uniqueName } from '../support/sandbox.js';

const MESSAGES = 10;
const PAUSED_AT = 4;

let kafka: Kafka;
let admin: Admin;
let topic: string;
let paused: string; // a group that committed PAUSED_AT and left: empty, lag MESSAGES − PAUSED_AT
let live: string; // a group still consuming, caught up: stable, 1 member, lag 0
let consumer: Consumer;

/** Polls until `group` has committed `offset` on partition 0 (kafkajs commits after each batch). */
async function waitForCommit(group: string, offset: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const [entry] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    if (Number(entry?.partitions[0]?.offset) === offset) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${group} did not commit ${offset} within 20 s`);
}

async function waitForStable(group: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const { groups } = await admin.describeGroups([group]);
    if (groups[0]?.state === 'Stable') return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${group} did not become stable within 20 s`);
}

beforeAll(async () => {
  topic = await createStudentTopic('client3');
  paused = uniqueName('client3-inspect-paused');
  live = uniqueName('client3-inspect-live');
  kafka = new Kafka(await studentConfig('client3'));
  admin = kafka.admin();
  await admin.connect();
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: Array.from({ length: MESSAGES }, (_, i) => ({ value: `message ${i}` })) });
  await producer.disconnect();
  // The paused group: an offset committed by hand, no consumer running (as after `docker stop`).
  await admin.setOffsets({ groupId: paused, topic, partitions: [{ partition: 0, offset: String(PAUSED_AT) }] });
  consumer = kafka.consumer({ groupId: live, sessionTimeout: 10_000, heartbeatInterval: 1000 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({ eachMessage: async () => undefined });
  await waitForCommit(live, MESSAGES);
  await waitForStable(live);
});

afterAll(async () => {
  await consumer?.disconnect();
  await admin?.disconnect();
  const superUser = await adminClient();
  try {
    await superUser.deleteGroups([paused, live]).catch(() => undefined);
    await superUser.deleteTopics({ topics: [topic] });
  } finally {
    await superUser.disconnect();
  }
});

/** The unique parts of names vary per run; the drawing around them must not. */
const normalise = (text: string) => text.replaceAll(topic, 'client3-t-xxxxxxxx').replace(/(client3-inspect-(?:paused|live))-[0-9a-f]{8}/g, '$1-xxxxxxxx');

describe('readTopicPicture on the sandbox', () => {
  let picture: TopicPicture;
  beforeAll(async () => {
    picture = await readTopicPicture(admin, topic);
  });

  it('reads the log start and end of every partition', () => {
    expect(picture.partitions).toEqual([{ partition: 0, logStart: 0, logEnd: MESSAGES }]);
  });

  it("finds exactly the groups with offsets on the topic, with their committed offsets, lag, state and members", () => {
    // client3's other groups (other tests, earlier runs) have nothing on this fresh topic.
    expect(picture.groups).toEqual([
      { groupId: live, state: 'stable', members: 1, positions: [{ partition: 0, committed: MESSAGES, lag: 0 }] },
      { groupId: paused, state: 'empty', members: 0, positions: [{ partition: 0, committed: PAUSED_AT, lag: MESSAGES - PAUSED_AT }] },
    ]);
  });

  it('narrows to named groups, and reports a group the student may not see instead of failing', async () => {
    const never = uniqueName('client3-inspect-never');
    const narrowed = await readTopicPicture(admin, topic, { groups: [paused, 'client1-not-mine', never] });
    expect(narrowed.groups).toEqual([
      { groupId: paused, state: 'empty', members: 0, positions: [{ partition: 0, committed: PAUSED_AT, lag: MESSAGES - PAUSED_AT }] },
      { groupId: 'client1-not-mine', state: 'unknown', members: 0, positions: [], error: 'not-authorized' },
      { groupId: never, state: 'dead', members: 0, positions: [{ partition: 0, committed: null, lag: null }] },
    ]);
  });

  it('draws the picture at a fixed width without colour', () => {
    const drawing = normalise(renderTopicPicture(picture, { width: 80, color: false, highlight: { partition: 0, offset: PAUSED_AT, label: 're-delivered' } }));
    expect(drawing).toMatchSnapshot();
  });

  it('draws the same picture with colour', () => {
    const drawing = normalise(renderTopicPicture(picture, { width: 80, color: true }));
    expect(drawing).toMatch(/\u001B\[/);
    expect(drawing).toMatchSnapshot();
  });
});
