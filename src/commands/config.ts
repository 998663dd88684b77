import type { Command } from 'commander';
import type { CliResult } from '../cli.js';
import { action, addClusterOptions, type ClusterFlags } from './shared.js';

export function registerConfig(program: Command, result: CliResult): void {
  addClusterOptions(
    program
      .command('config')
      .description('print where kafka-tutor will connect, with the source of each value (password masked)')
      .option('--json', 'print the profile as JSON'),
  )
    .addHelpText('after', '\nExample:\n  kafka-tutor config --auth ./auth --bootstrap 127.0.0.1:19093')
    .action(
      action(result, async (flags: ClusterFlags & { json?: boolean }) => {
        const { showConfig } = await import('../profile/show.js');
        return showConfig(flags, { json: flags.json ?? false });
      }),
    );
}
