export { verifyDelivered } from './delivered.js';
export { verifyEarliestLatest } from './earliest-latest.js';
export { verifyResumed } from './resumed.js';
export { classifyStop, verifyRedelivery, type StopClassification, type StopPosition } from './redelivery.js';
export { messagesOf, quoteValues, type MessageRef, type Verdict } from './verdict.js';
