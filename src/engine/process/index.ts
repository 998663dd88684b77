export { startProgram, profileEnv, BIN_PATH, type StartOptions } from './start-program.js';
export { ProgramHandle, ProgramWaitError, type ProgramExit, type ProgramKind, type WaitForOptions } from './handle.js';
export { stopAllPrograms, liveProgramCount, registerProgram, signalProcessGroup } from './registry.js';
export { childEnvironment, type ChildEnvOptions } from './child-env.js';
export { watchParent, PARENT_PID_VAR, PARENT_POLL_MS, ORPHAN_EXIT_MS } from './watch-parent.js';
