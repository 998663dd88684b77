import type { VerificationName } from '../catalog.js';
import { verifyRedelivery, verifyRejoinWait, verifyStopWindow } from './commit.js';
import { verifyCredentials } from './credentials.js';
import { verifyDelivered, verifyEarliestLatest, verifyReachedAll, verifyResumed } from './messages.js';
import type { Verification } from './types.js';

export type { Verification, VerifyContext } from './types.js';

/** Every named verification; the catalog lists the same names for the course self-check. */
export const verifications: Record<VerificationName, Verification> = {
  credentials: verifyCredentials,
  delivered: verifyDelivered,
  'earliest-latest': verifyEarliestLatest,
  'reached-all': verifyReachedAll,
  resumed: verifyResumed,
  'stop-window': verifyStopWindow,
  redelivery: verifyRedelivery,
  'rejoin-wait': verifyRejoinWait,
};
