export { runCheck, selectLessons, type CheckOptions } from './run.js';
export { checkCommand, type CheckCommandOptions } from './cli.js';
export { formatReport } from './format.js';
export { toJunit } from './junit.js';
export { CHECK_SCHEMA_VERSION, EXIT, exitCodeOf, type CheckReport, type TestResult, type TestStatus, type Evidence } from './types.js';
