import { randomBytes } from 'node:crypto';
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
