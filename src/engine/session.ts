/**
 * Builds the context a lesson runs in: the student's cluster (when the lesson
 * needs Kafka), the program pool, Ctrl-C handling, and what to tidy up after.
 */
import { homedir } from 'node:os';
import { isAbsolute, relative } from 'node:path';
import { quoteShell } from '../credentials/paths.js';
import { UserError } from '../errors.js';
import type { Secret } from '../profile/secret.js';
import type { ProfileFlags } from '../profile/types.js';
import { emptyRunState, fillIn, type Context } from './context.js';
import type { KafkaSide } from '../kafka/lesson-side.js';
import { ProgramPool, type StartProgram } from './programs.js';
import type { Progress } from './progress.js';
import type { Terminal } from '../ui/terminal.js';
import type { LoadedLesson } from './types.js';
import { verificationNamed } from './verifications/index.js';

export interface SessionOptions {
  terminal: Terminal;
  progress: Progress;
  flags: ProfileFlags;
  /** A hidden password prompt, when the terminal is interactive (see remember-password.ts: asked once per run). */
  askPassword?: (keystorePath: string) => Promise<string>;
  /** How programs are started (src/engine/process/ by default). */
  startProgram?: StartProgram;
  /** A different topic than the client id's (tests use a fresh one). */
  topic?: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Whether any step of the lesson talks to Kafka (the credentials lesson does not, until its doctor runs).
 *
 * @example
 *   needsKafka(findLesson(course, 'credentials')) // false
 */
export function needsKafka(lesson: LoadedLesson): boolean {
  return lesson.steps.some(
    (s) => ['spawn', 'produce', 'show'].includes(s.kind) || (s.kind === 'act' && s.action !== 'wait-key') || (s.kind === 'verify' && !verificationNamed(s.check)?.judgesSetup),
  );
}

/** A folder as a student types it: `~/…` inside home (shell-quoted after the tilde when needed). */
function homeRelative(dir: string, home: string): string {
  const rel = relative(home, dir);
  if (rel === '') return '~';
  return rel.startsWith('..') || isAbsolute(rel) ? quoteShell(dir) : `~/${quoteShell(rel)}`;
}

function noKafka(): KafkaSide {
  const refuse = () => Promise.reject(new Error('this lesson has no Kafka connection (needsKafka said so)'));
  return { clientId: '', topic: '', bootstrap: '', produce: refuse, offsets: refuse, committed: refuse, members: refuse, picture: refuse, replicas: refuse, brokers: refuse, close: async () => undefined };
}

/**
 * @example
 *   const { ctx, close } = await openSession(lesson, { terminal, progress, flags: {} });
 *   try { await runLesson(ctx, { resume: false }); } finally { await close(); }
 */
export async function openSession(lesson: LoadedLesson, options: SessionOptions): Promise<{ ctx: Context; close: () => Promise<void> }> {
  const now = options.now ?? Date.now;
  const aborter = new AbortController();
  const startProgram = options.startProgram ?? (await import('./process/index.js')).startProgram;
  const programs = new ProgramPool(startProgram, (line) => options.terminal.print(line), now);
  let kafka = noKafka();
  let programEnv: Record<string, string> = {};
  const vars: Record<string, string> = {};
  if (needsKafka(lesson)) {
    const [{ loadProfile, Secret }, { createKafka }, { createKafkaSide }, { profileEnv }] = await Promise.all([
      import('../profile/index.js'),
      import('../kafka/client.js'),
      import('../kafka/lesson-side.js'),
      import('./process/index.js'),
    ]);
    let typed: Secret | undefined;
    const ask = options.askPassword;
    const { offerSandboxIfUnconfigured } = await import('./offer-sandbox.js');
    await offerSandboxIfUnconfigured(options.flags, () => options.terminal.confirm(SANDBOX_OFFER, true));
    const { profile, credentials } = await loadProfile(options.flags, ask ? { askPassword: async (path: string) => (typed = new Secret(await ask(path))).reveal() } : {});
    // Config-file warnings matter here; credential notes are the credentials lesson's business.
    for (const warning of profile.warnings) options.terminal.warn(warning);
    const topic = options.topic ?? credentials.topic;
    kafka = createKafkaSide(createKafka(profile, credentials, { role: 'tutor' }), { clientId: credentials.clientId, topic, bootstrap: profile.brokers.join(',') }, now);
    // Children get the same profile through their environment; a password never in argv (visible in `ps`).
    programEnv = profileEnv(profile, typed);
    Object.assign(vars, { clientId: credentials.clientId, topic, bootstrap: kafka.bootstrap });
  } else {
    // No keystore is opened here (it may not be in place yet), but a configured client id is already known.
    const { resolveProfile } = await import('../profile/resolve.js');
    const clientId = (await resolveProfile(options.flags).catch(() => undefined))?.clientId ?? options.flags.clientId;
    if (clientId) vars.clientId = clientId;
  }
  vars.workDir = homeRelative(process.cwd(), homedir());
  const record = options.progress.lesson(lesson.id);
  for (const [key, id] of Object.entries(record.groups)) vars[`group.${key}`] = id;
  let hintIndex = 0;
  const ctx: Context = {
    lesson,
    terminal: options.terminal,
    kafka,
    programs,
    progress: options.progress,
    flags: options.flags,
    run: emptyRunState(),
    vars,
    programEnv,
    now,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    signal: aborter.signal,
    askPassword: options.askPassword,
    showHint: (extra) => {
      const hint = fillIn(extra ?? lesson.hints[hintIndex % lesson.hints.length] ?? '', vars);
      hintIndex += 1;
      options.terminal.info(`Hint: ${hint}`);
    },
  };
  // Ctrl-C outside a prompt (while waiting for Kafka): stop the programs, then leave; progress is already saved.
  const onInterrupt = () => {
    aborter.abort();
    void programs.stopAll('SIGTERM');
  };
  process.on('SIGINT', onInterrupt);
  const close = async () => {
    process.off('SIGINT', onInterrupt);
    // SIGTERM, like `docker stop`: the consumers leave their groups, so a resumed lesson needs no session-timeout wait.
    await programs.stopAll('SIGTERM');
    await kafka.close();
  };
  return { ctx, close };
}

export const SANDBOX_OFFER =
  'No Kafka cluster is configured. Start the local sandbox now (a real Kafka broker on this machine, with credentials for you)?';

export const NO_LESSON_TTY = new UserError('The guided lessons need an interactive terminal, and this one is not.', {
  fix: 'Run it in a terminal; to check your work without one: kafka-tutor check  (and kafka-tutor lessons for your progress)',
  code: 'no-tty',
  exitCode: 2,
});
