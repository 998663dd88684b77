/**
 * Evidence a grader can trust more than files on the student's machine: the
 * student's consumer groups and their committed offsets, read from the
 * cluster, beside what the progress file says about interactive lessons.
 */
import { readFile } from 'node:fs/promises';
import { describeError } from '../errors.js';
import { progressPath, type ProgressData } from '../engine/progress.js';
import { explainKafkaError, SHARED_GROUP } from '../kafka/errors.js';
import { readGroupOffsets, type AdminSource } from '../kafka/groups.js';
import type { Evidence, GroupEvidence } from './types.js';

export interface EvidenceInput {
  /** Whom to ask (check's session admin, or a client); undefined when the cluster cannot be asked. */
  kafka: AdminSource | undefined;
  clientId: string;
  topic: string;
  brokers: string[];
  /** Groups that belong to `check` runs, left out: they prove nothing about the student. */
  isCheckGroup: (group: string) => boolean;
}

/** Reads the progress file without touching it (a broken one is reported, not moved aside). */
export async function readProgressEvidence(path = progressPath()): Promise<{ evidence: Evidence['progress']; groupLessons: Map<string, string> }> {
  const groupLessons = new Map<string, string>();
  let data: ProgressData;
  try {
    data = JSON.parse(await readFile(path, 'utf8')) as ProgressData;
  } catch {
    return { evidence: null, groupLessons };
  }
  const lessons = Object.entries(data.lessons ?? {}).map(([lesson, record]) => {
    for (const group of Object.values(record.groups ?? {})) groupLessons.set(group, lesson);
    return { lesson, status: record.status, ...(record.startedAt ? { started_at: record.startedAt } : {}), ...(record.finishedAt ? { finished_at: record.finishedAt } : {}) };
  });
  return { evidence: { path, updated_at: data.updatedAt, lessons }, groupLessons };
}

async function readGroups(input: EvidenceInput & { kafka: AdminSource }, groupLessons: Map<string, string>): Promise<GroupEvidence[]> {
  // The broker lists only the groups this principal may describe: the student's own and the course's.
  const own = (listed: string[]) => listed.filter((id) => id !== SHARED_GROUP && id.startsWith(input.clientId) && !input.isCheckGroup(id));
  // The course's group is always reported, even before anyone used it: "never used" is evidence too.
  const groups = await readGroupOffsets(input.kafka, input.topic, (listed) => [SHARED_GROUP, ...own(listed).sort()]);
  return groups.flatMap((group) => {
    const lesson = groupLessons.get(group.groupId);
    // A group that never touched the student's topic and no lesson made is not evidence of anything here.
    if (group.offsets.length === 0 && group.members === 0 && lesson === undefined && group.groupId !== SHARED_GROUP) return [];
    return [{ group_id: group.groupId, state: group.state, members: group.members, offsets: group.offsets, ...(lesson ? { lesson } : {}) }];
  });
}

/**
 * Collects the evidence; an ACL that hides the groups becomes `groups_error`, never a crash.
 *
 * @example
 *   const evidence = await collectEvidence({ kafka, clientId: 'client1', topic: 'client1', brokers, isCheckGroup });
 *   evidence.groups // [{ group_id: 'simple_consumer', state: 'Empty', members: 0, offsets: [{ partition: 0, offset: 42 }] }]
 */
export async function collectEvidence(input: EvidenceInput): Promise<Evidence> {
  const { evidence: progress, groupLessons } = await readProgressEvidence();
  if (!input.kafka) return { groups: [], groups_error: 'The cluster could not be reached with these credentials.', progress };
  try {
    return { groups: await readGroups({ ...input, kafka: input.kafka }, groupLessons), progress };
  } catch (error) {
    const explained = explainKafkaError(error, { clientId: input.clientId, topic: input.topic, brokers: input.brokers });
    return { groups: [], groups_error: describeError(explained).text.split('\n')[0] ?? 'unknown error', progress };
  }
}
