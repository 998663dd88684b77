/**
 * The library of named verifications a verify step may use, with the params
 * each needs: the course self-check and the catalog read the names from here.
 */
import { verifyAckedWhileDown } from './acked-while-down.js';
import { verifyAssigned } from './assigned.js';
import { verifyCommittedPast } from './committed-past.js';
import { verifyCredentials } from './credentials.js';
import { verifyDelivered } from './delivered.js';
import { verifyDoctor } from './doctor.js';
import { verifyEarliestLatest } from './earliest-latest.js';
import { verifyIsrRejoined } from './isr-rejoined.js';
import { verifyIsrShrunk } from './isr-shrunk.js';
import { verifyLeaderMoved } from './leader-moved.js';
import { verifyNoneLost } from './none-lost.js';
import { verifyNotCommitted } from './not-committed.js';
import { verifyPrintedOnce } from './printed-once.js';
import { verifyReachedAll } from './reached-all.js';
import { verifyRedelivery } from './redelivery.js';
import { verifyRejoinWait } from './rejoin-wait.js';
import { verifyResumed } from './resumed.js';
import { verifySharedPartitions } from './shared-partitions.js';
import { verifySkippedInterrupted } from './skipped-interrupted.js';
import { verifyStopWindow } from './stop-window.js';
import type { Verification } from './types.js';

export type { Verification, VerifyContext } from './types.js';
export { sentenceOf, type Verdict } from './verdict.js';

export interface LibraryEntry {
  verify: Verification;
  /** The params a verify step must give (the course self-check refuses a step without them). */
  params: readonly string[];
  /** It judges what the student prepared beforehand (files, access), so `check` may run it after a `wait-key`. */
  judgesSetup?: boolean;
}

/** Every named verification, by the name a verify step's `check` gives. */
export const verifications = {
  assigned: { verify: verifyAssigned, params: ['program'] },
  credentials: { verify: verifyCredentials, params: [], judgesSetup: true },
  doctor: { verify: verifyDoctor, params: ['checks'], judgesSetup: true },
  delivered: { verify: verifyDelivered, params: ['program', 'messages'] },
  'earliest-latest': { verify: verifyEarliestLatest, params: ['earliest', 'latest'] },
  'reached-all': { verify: verifyReachedAll, params: ['programs', 'messages'] },
  resumed: { verify: verifyResumed, params: ['program', 'messages'] },
  'stop-window': { verify: verifyStopWindow, params: ['program'] },
  'not-committed': { verify: verifyNotCommitted, params: ['program', 'group'] },
  redelivery: { verify: verifyRedelivery, params: ['program'] },
  'rejoin-wait': { verify: verifyRejoinWait, params: ['program'] },
  'shared-partitions': { verify: verifySharedPartitions, params: ['programs'] },
  'printed-once': { verify: verifyPrintedOnce, params: ['programs', 'messages'] },
  'committed-past': { verify: verifyCommittedPast, params: ['program', 'group'] },
  'skipped-interrupted': { verify: verifySkippedInterrupted, params: ['program'] },
  'leader-moved': { verify: verifyLeaderMoved, params: [] },
  'isr-shrunk': { verify: verifyIsrShrunk, params: [] },
  'acked-while-down': { verify: verifyAckedWhileDown, params: ['messages'] },
  'isr-rejoined': { verify: verifyIsrRejoined, params: [] },
  'none-lost': { verify: verifyNoneLost, params: ['program', 'messages'] },
} satisfies Record<string, LibraryEntry>;

export type VerificationName = keyof typeof verifications;

/**
 * The library's entry for a verify step's `check`, or undefined for an unknown name.
 *
 * @example
 *   verificationNamed('redelivery')?.params // ['program']
 */
export function verificationNamed(name: string): LibraryEntry | undefined {
  return Object.hasOwn(verifications, name) ? verifications[name as VerificationName] : undefined;
}
