import { describe, expect, it } from 'vitest';
import { BACKLOG_KEEP, planBacklog } from '../../../src/kafka/programs/backlog.js';

describe('planBacklog', () => {
  it('passes over all but the first and last 3 of a long backlog', () => {
    expect(planBacklog(0, 1_440_236)).toEqual({ fromOffset: 3, toOffset: 1_440_233 });
    // A group resuming at its committed offset: the backlog starts there, not at the log start.
    expect(planBacklog(500, 200_500)).toEqual({ fromOffset: 503, toOffset: 200_497 });
  });

  it('prints a backlog of up to 2 × 3 + 1 messages whole, and skips at least 2 beyond that', () => {
    expect(planBacklog(0, 2 * BACKLOG_KEEP + 1)).toBeUndefined();
    expect(planBacklog(10, 10)).toBeUndefined();
    expect(planBacklog(0, 2 * BACKLOG_KEEP + 2)).toEqual({ fromOffset: 3, toOffset: 5 });
  });
});
