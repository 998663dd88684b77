export { loadKeystore, type LoadedKeystore } from './keystore.js';
export { loadCa, type LoadedCa } from './ca.js';
export { resolvePassword, passwordSourceWords, askPasswordPrompt, readPasswordFile, PASSWORD_FILE, type PasswordSource, type PasswordRequest } from './password.js';
export { FAILURES, describeFailure, failureError, isFailure, type FailureId, type FailureVars } from './failures.js';
export { locateAuthDir, CA_FILE, KEYSTORE_FILE, type AuthLocation } from './locate.js';
export { sniffFile, type FileKind } from './sniff.js';
export { isIssuedBy, checkCaCertificate, validityProblem } from './certificate.js';
