import type { Command } from 'commander';
import type { CliResult } from '../cli.js';
import { registerConfig } from './config.js';
import { registerDoctor } from './doctor.js';
import { registerSandbox } from './sandbox.js';
import { registerProduce } from './produce.js';
import { registerConsume } from './consume.js';
import { registerConsumeCommit } from './consume-commit.js';
import { registerCheck } from './check.js';
import { registerGrade } from './grade.js';
import { registerStart } from './start.js';
import { registerResume } from './resume.js';
import { registerLessons } from './lessons.js';
import { registerReset } from './reset.js';
import { registerDev } from './dev.js';
import { registerInspect } from './inspect.js';
import { registerClass } from './class.js';

/**
 * Every command of kafka-tutor, in the order `--help` lists them.
 * Each command lives in its own file and registers itself; its action
 * imports the core lazily.
 */
export function registerCommands(program: Command, result: CliResult): void {
  // The guided course first, then the lesson programs, then grading, then set-up.
  registerStart(program, result);
  registerResume(program, result);
  registerLessons(program, result);
  registerReset(program, result);
  registerProduce(program, result);
  registerConsume(program, result);
  registerConsumeCommit(program, result);
  registerInspect(program, result);
  registerDoctor(program, result);
  registerCheck(program, result);
  registerGrade(program, result);
  registerClass(program, result);
  registerSandbox(program, result);
  registerConfig(program, result);
  registerDev(program, result);
}
