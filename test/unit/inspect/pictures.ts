/** Hand-built pictures for the renderer's tests: no broker needed to check a drawing. */
import type { GroupPicture, TopicPicture } from '../../../src/kafka/topic-picture.js';

export function group(groupId: string, committed: number | null, logEnd: number, extra: Partial<GroupPicture> = {}): GroupPicture {
  return {
    groupId,
    state: 'stable',
    members: 1,
    positions: [{ partition: 0, committed, lag: committed === null ? null : logEnd - committed }],
    ...extra,
  };
}

export function picture(logStart: number, logEnd: number, groups: GroupPicture[]): TopicPicture {
  return { topic: 'client3', partitions: [{ partition: 0, logStart, logEnd }], groups };
}

/** Strips ANSI colour codes (what a log file would show if colour leaked). */
// eslint-disable-next-line no-control-regex
export const stripAnsi = (text: string) => text.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '');
