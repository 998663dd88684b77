import chalk from 'chalk';

/** Symbols that carry meaning; readable without colour (NO_COLOR, logs). */
export const symbols = {
  pass: chalk.green('✔'),
  fail: chalk.red('✖'),
  warn: chalk.yellow('▲'),
  skip: chalk.dim('○'),
  info: chalk.cyan('•'),
} as const;

export const out = (line = '') => process.stdout.write(`${line}\n`);
export const err = (line = '') => process.stderr.write(`${line}\n`);
