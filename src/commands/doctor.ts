import type { Command } from 'commander';
import type { CliResult } from '../cli.js';
import { action, addClusterOptions, type ClusterFlags } from './shared.js';

export function registerDoctor(program: Command, result: CliResult): void {
  addClusterOptions(
    program
      .command('doctor')
      .description('check your credentials folder and your connection to Kafka, step by step, and say how to fix what is wrong')
      .option('--json', 'print the checks as JSON (the password is never in it)')
      .option('--timeout <seconds>', 'how long the network checks may take (default 5)'),
  )
    .addHelpText('after', '\nExit code 0 when everything needed works, 1 when not.\n\nExample:\n  kafka-tutor doctor --auth ./auth --bootstrap 127.0.0.1:19093')
    .action(
      action(result, async (flags: ClusterFlags & { json?: boolean; timeout?: string }) => {
        const { doctorCommand } = await import('../doctor/cli.js');
        return doctorCommand(flags, { json: flags.json ?? false, timeout: flags.timeout });
      }),
    );
}
