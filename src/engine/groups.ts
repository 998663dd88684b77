import { randomBytes } from 'node:crypto';
import { variantsOf } from './cases.js';
import { fillIn, type Context } from './context.js';

/**
 * The id of one of the lesson's consumer groups: the one remembered in the
 * progress file when there is one (a resumed lesson reuses it), otherwise a new,
 * unique id from the lesson's pattern, remembered at once.
 *
 * @example
 *   await ensureGroup(ctx, 'commit') // 'client1-commit-2-k3x9'
 */
export async function ensureGroup(ctx: Pick<Context, 'lesson' | 'progress' | 'vars'>, key: string, options: { fresh?: boolean } = {}): Promise<string> {
  const known = ctx.progress.lesson(ctx.lesson.id).groups[key];
  if (known && !options.fresh) return known;
  const pattern = ctx.lesson.groups?.[key] ?? `{clientId}-${key}-{run}`;
  // The run number alone is not unique: progress can be reset, or kept in another folder.
  const run = `${ctx.progress.lesson(ctx.lesson.id).run}${randomBytes(3).toString('hex')}`;
  const id = fillIn(pattern, { ...ctx.vars, run });
  await ctx.progress.rememberGroup(ctx.lesson.id, key, id);
  ctx.vars[`group.${key}`] = id;
  return id;
}

/**
 * Names, when a lesson (re)starts, each group it keeps from start to end, so the text before the
 * group's first use can show it (`{group.commit}` in an introduction). A group a spawn step
 * starts afresh (`"fresh": true`) is named by that step, as before.
 *
 * @example
 *   await nameKeptGroups(ctx); // ctx.vars['group.commit'] === 'client1-commit-3a1b2c3'
 */
export async function nameKeptGroups(ctx: Pick<Context, 'lesson' | 'progress' | 'vars'>): Promise<void> {
  if (!ctx.vars.clientId) return;
  const renamed = new Set(ctx.lesson.steps.flatMap(variantsOf).flatMap((step) => (step.kind === 'spawn' && step.fresh && step.group ? [step.group] : [])));
  for (const key of Object.keys(ctx.lesson.groups ?? {})) if (!renamed.has(key)) await ensureGroup(ctx, key);
}
