import { UserError } from '../errors.js';
import { sandboxDefaults, resolveProfile, type ProfileFlags } from '../profile/index.js';
import { askPasswordPrompt } from '../credentials/password.js';
import { err, out } from '../ui/output.js';
import { doctorInputFrom } from './from-profile.js';
import { renderCheck, renderSummary, reportToJson } from './render.js';
import { runDoctor } from './run.js';

export interface DoctorCliOptions {
  json: boolean;
  /** Seconds the network checks may take, as typed after --timeout. */
  timeout: string | undefined;
}

function parseTimeout(text: string | undefined): number {
  if (text === undefined) return 5000;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    throw new UserError(`--timeout ${text} is not a number of seconds between 0 and 600.`, { fix: 'kafka-tutor doctor --timeout 5', code: 'bad-timeout', exitCode: 2 });
  }
  return Math.round(seconds * 1000);
}

/**
 * `kafka-tutor doctor`: resolves the profile, runs the checklist, prints it
 * (live, one check at a time) or its JSON, and returns 0 when usable, else 1.
 *
 * @example
 *   await doctorCommand({ auth: './auth' }, { json: false, timeout: '5' }) // 0
 */
export async function doctorCommand(flags: ProfileFlags, options: DoctorCliOptions): Promise<number> {
  const timeoutMs = parseTimeout(options.timeout);
  const profile = await resolveProfile(flags, { sandbox: await sandboxDefaults() });
  const input = doctorInputFrom(profile, { timeoutMs });
  // A hidden prompt only for a person at a terminal; --json is for scripts.
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true && !options.json;
  if (!options.json) {
    for (const warning of profile.warnings) err(`Warning: ${warning}`);
    out(`Checking ${input.authDir} and ${input.brokers.join(', ')} (${input.securityProtocol})`);
  }
  const report = await runDoctor(input, {
    ask: interactive ? askPasswordPrompt() : undefined,
    onCheck: options.json ? undefined : (check) => renderCheck(check).forEach((line) => out(line)),
  });
  if (options.json) out(reportToJson(report));
  else out(`\n${renderSummary(report)}`);
  return report.ok ? 0 : 1;
}
