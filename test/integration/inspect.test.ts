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
let waiting: string; // a group consuming from `latest` that has read (and committed) nothing yet
const consumers: Consumer[] = [];

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

/** Starts a consumer of `topic` in `groupId` (kafkajs commits after each batch it reads). */
async function startConsumer(groupId: string, fromBeginning: boolean): Promise<void> {
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1000 });
  consumers.push(consumer);
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning });
  await consumer.run({ eachMessage: async () => undefined });
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
  waiting = uniqueName('client3-inspect-waiting');
  kafka = new Kafka(await studentConfig('client3'));
  admin = kafka.admin();
  await admin.connect();
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: Array.from({ length: MESSAGES }, (_, i) => ({ value: `message ${i}` })) });
  await producer.disconnect();
  // The paused group: an offset committed by hand, no consumer running (as after `docker stop`).
  await admin.setOffsets({ groupId: paused, topic, partitions: [{ partition: 0, offset: String(PAUSED_AT) }] });
  await Promise.all([startConsumer(live, true), startConsumer(waiting, false)]);
  await waitForCommit(live, MESSAGES);
  await Promise.all([waitForStable(live), waitForStable(waiting)]);
});

afterAll(async () => {
  await Promise.all(consumers.map((c) => c.disconnect()));
  await admin?.disconnect();
  const superUser = await adminClient();
  try {
    await superUser.deleteGroups([paused, live, waiting]).catch(() => undefined);
    await superUser.deleteTopics({ topics: [topic] });
  } finally {
    await superUser.disconnect();
  }
});

/** The unique parts of names vary per run; the drawing around them must not. */
const normalise = (text: string) => text.replaceAll(topic, 'client3-t-xxxxxxxx').replace(/(client3-inspect-(?:paused|live|waiting))-[0-9a-f]{8}/g, '$1-xxxxxxxx');

describe('readTopicPicture on the sandbox', () => {
  let picture: TopicPicture;
  beforeAll(async () => {
    picture = await readTopicPicture(admin, topic);
  });

  it('reads the log start and end of every partition', () => {
    expect(picture.partitions).toEqual([{ partition: 0, logStart: 0, logEnd: MESSAGES, leader: 1, replicas: [1], isr: [1] }]);
  });

  it('finds exactly the groups on the topic, with their committed offsets, lag, state and members', () => {
    // client3's other groups (other tests, earlier runs) have nothing on this fresh topic.
    expect(picture.groups).toEqual([
      { groupId: live, state: 'stable', members: 1, positions: [{ partition: 0, committed: MESSAGES, lag: 0, member: expect.stringMatching(/^client3-/) }] },
      { groupId: paused, state: 'empty', members: 0, positions: [{ partition: 0, committed: PAUSED_AT, lag: MESSAGES - PAUSED_AT }] },
      // Assigned the topic but nothing committed yet: found through its member's assignment.
      { groupId: waiting, state: 'stable', members: 1, positions: [{ partition: 0, committed: null, lag: null, member: expect.stringMatching(/^client3-/) }] },
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

describe('readTopicPicture with two partitions', () => {
  it('reads each partition and a group\'s offset on each, and draws one strip per partition', async () => {
    const twoPartitions = await createStudentTopic('client3', { partitions: 2 });
    const group = uniqueName('client3-inspect-two');
    try {
      const producer = kafka.producer();
      await producer.connect();
      await producer.send({ topic: twoPartitions, messages: [0, 1, 2].map((i) => ({ partition: 0, value: `p0 ${i}` })) });
      await producer.send({ topic: twoPartitions, messages: [0, 1, 2, 3, 4].map((i) => ({ partition: 1, value: `p1 ${i}` })) });
      await producer.disconnect();
      await admin.setOffsets({ groupId: group, topic: twoPartitions, partitions: [{ partition: 0, offset: '1' }, { partition: 1, offset: '5' }] });
      const picture = await readTopicPicture(admin, twoPartitions, { groups: [group] });
      expect(picture.partitions).toEqual([
        { partition: 0, logStart: 0, logEnd: 3, leader: 1, replicas: [1], isr: [1] },
        { partition: 1, logStart: 0, logEnd: 5, leader: 1, replicas: [1], isr: [1] },
      ]);
      expect(picture.groups).toEqual([
        { groupId: group, state: 'empty', members: 0, positions: [{ partition: 0, committed: 1, lag: 2 }, { partition: 1, committed: 5, lag: 0 }] },
      ]);
      const drawing = renderTopicPicture(picture, { width: 80, color: false });
      expect(drawing).toContain('partition 0 · 3 messages, offsets 0–2 · log end 3\n  leader broker 1 · replica on broker 1 · in sync 1\n  │ 0│ 1│ 2│··');
      expect(drawing).toContain('partition 1 · 5 messages, offsets 0–4 · log end 5\n  leader broker 1 · replica on broker 1 · in sync 1\n  │ 0│ 1│ 2│ 3│ 4│··');
      expect(drawing).toContain(`▲ ${group}  committed 1 · lag 2`);
      expect(drawing).toContain(`▲ ${group}  committed 5 · lag 0`);
    } finally {
      const superUser = await adminClient();
      await superUser.deleteGroups([group]).catch(() => undefined);
      await superUser.deleteTopics({ topics: [twoPartitions] });
      await superUser.disconnect();
    }
  });
});
