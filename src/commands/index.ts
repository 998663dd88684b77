import type { Command } from 'commander';
import type { CliResult } from '../cli.js';
import { registerConfig } from './config.js';

/**
 * Every command of kafka-tutor, in the order `--help` lists them.
 * Each command lives in its own file and registers itself; its action
 * imports the core lazily.
 */
export function registerCommands(program: Command, result: CliResult): void {
  registerConfig(program, result);
}
