/**
 * What `start` and `resume` share: the TTY check, the course, the progress file
 * and the terminal, ready for the menu.
 */
import type { Readable, Writable } from 'node:stream';
import type { ProfileFlags } from '../profile/types.js';
import { loadCourse } from './course.js';
import type { TutorOptions } from './menu.js';
import { Progress, progressPath } from './progress.js';
import { NO_LESSON_TTY, SANDBOX_OFFER } from './session.js';
import { createTerminal } from '../ui/terminal.js';

export interface TutorStreams {
  input: Readable & { isTTY?: boolean };
  output: Writable & { isTTY?: boolean };
}

/**
 * @example
 *   const options = await openTutor({ auth: './auth' });
 *   await runTutor(options);
 */
export async function openTutor(flags: ProfileFlags & { course?: string }, streams: TutorStreams = { input: process.stdin, output: process.stdout }): Promise<TutorOptions> {
  if (!streams.input.isTTY || !streams.output.isTTY) throw NO_LESSON_TTY;
  const course = loadCourse(flags.course);
  const progress = Progress.open(progressPath());
  const { rememberPassword } = await import('./remember-password.js');
  const { course: _course, ...cluster } = flags;
  const terminal = createTerminal(streams);
  // A fresh machine has no cluster yet: offer the sandbox before the menu, so every lesson finds one.
  const { offerSandboxIfUnconfigured } = await import('./offer-sandbox.js');
  await offerSandboxIfUnconfigured(cluster, () => terminal.confirm(SANDBOX_OFFER, true));
  return {
    course,
    progress,
    terminal,
    flags: cluster,
    // One memory for the whole run: typed once (lesson 1 or whichever needs it first), used by every later lesson.
    askPassword: rememberPassword(terminal),
  };
}
