export { startProgram, profileEnv, BIN_PATH, type StartOptions } from './start-program.js';
export { ProgramHandle, ProgramWaitError, type ProgramExit, type ProgramKind, type WaitForOptions } from './handle.js';
export { stopAllPrograms, liveProgramCount, registerProgram, signalProcessGroup } from './registry.js';
