export { runDoctor, CHECKS } from './run.js';
export { renderCheck, renderSummary, reportToJson } from './render.js';
export type { CheckResult, CheckStatus, CheckId, DoctorInput, DoctorOptions, DoctorReport } from './types.js';
