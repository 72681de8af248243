import { z } from 'zod';
import { invalid, notFound } from '../core/errors.js';
import {
  computeDailyStates,
  computeInsights,
  computeToday,
  type DayExplanation,
  explainDay,
  historyStart,
  type InsightsReport,
  type ModelInput,
  type ModelParams,
  ModelParamsSchema,
  resolveModelParams,
  type Today,
} from '../core/model/index.js';
import { NudgeDecisionInput, RangeQuery } from '../core/model/model.schemas.js';
import type { Settings } from '../core/settings.schemas.js';
import {
  addDays,
  daysBetween,
  isLocalDate,
  type LocalDate,
  localDateOf,
  startOfLocalDay,
} from '../core/time.js';
import { parseOrThrow } from '../core/validation.js';
import type { NudgeDecision } from '../storage/nudges.repository.js';
import type { AppContext } from './context.js';

/** Longest span one states request may cover, so one call cannot ask for centuries. */
export const MAX_STATE_DAYS = 1_096;

interface Frame {
  settings: Settings;
  params: ModelParams;
  today: LocalDate;
  trackingStart: LocalDate;
}

async function frame(ctx: AppContext): Promise<Frame> {
  const settings = await ctx.store.settings();
  const { timeZone } = settings;
  const [created, firstInteraction, firstCheckIn] = await Promise.all([
    ctx.store.createdAt(),
    ctx.store.interactions.earliest(),
    ctx.store.checkins.earliest(),
  ]);
  // The log begins at the earliest thing known, so imported history counts.
  const first =
    [created, firstInteraction, firstCheckIn].filter((x): x is string => !!x).sort()[0] ?? created;
  return {
    settings,
    params: resolveModelParams(settings.modelParams),
    today: localDateOf(ctx.clock(), timeZone),
    trackingStart: localDateOf(new Date(first), timeZone),
  };
}

/** The model's input for the local days [from, to]: only the window the model needs. */
async function inputFor(
  ctx: AppContext,
  f: Frame,
  from: LocalDate,
  to: LocalDate,
): Promise<ModelInput> {
  const { timeZone } = f.settings;
  const start = startOfLocalDay(historyStart(from, f.params), timeZone).toISOString();
  const end = startOfLocalDay(addDays(to, 1), timeZone).toISOString();
  const [interactions, checkIns, connections] = await Promise.all([
    ctx.store.interactions.between(start, end),
    ctx.store.checkins.between(start, end),
    ctx.store.connections.all(),
  ]);
  return {
    interactions,
    checkIns,
    connections,
    timeZone,
    params: f.params,
    trackingStart: f.trackingStart,
  };
}

export type TodayReport = Today & { timeZone: string; checkedInToday: boolean };

/**
 * Today's report, reused while the user's data version and local date stay
 * the same. Every write bumps the version (storage/store.ts), so a reused
 * report always equals a fresh computation; the version is read from the
 * database on every call, so several app servers stay correct without
 * sharing memory. Bounded per database, oldest entry out first.
 */
const TODAY_CACHE_SIZE = 1_000;
const todayCache = new WeakMap<object, Map<string, { key: string; report: TodayReport }>>();

export async function today(ctx: AppContext): Promise<TodayReport> {
  const { settings, version } = await ctx.store.versioned();
  const key = `${version}|${localDateOf(ctx.clock(), settings.timeZone)}|${settings.timeZone}`;
  let cache = todayCache.get(ctx.store.scope);
  if (!cache) {
    cache = new Map();
    todayCache.set(ctx.store.scope, cache);
  }
  const hit = cache.get(ctx.store.userId);
  if (hit?.key === key) return hit.report;
  const report = await computeTodayReport(ctx);
  cache.delete(ctx.store.userId);
  cache.set(ctx.store.userId, { key, report });
  if (cache.size > TODAY_CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return report;
}

/** Today computed from the data, without the cache. */
export async function computeTodayReport(ctx: AppContext): Promise<TodayReport> {
  const f = await frame(ctx);
  const { timeZone } = f.settings;
  const input = await inputFor(ctx, f, f.today, f.today);
  const [stored, decisions] = await Promise.all([
    ctx.store.interactions.lastContacts(
      startOfLocalDay(addDays(f.today, 1), timeZone).toISOString(),
    ),
    ctx.store.nudges.all(),
  ]);
  const lastContact = new Map<string, LocalDate>();
  for (const [id, instant] of stored)
    if (instant) lastContact.set(id, localDateOf(new Date(instant), timeZone));
  const result = computeToday(input, f.today, { decisions, lastContact });
  return {
    ...result,
    timeZone,
    checkedInToday: (input.checkIns ?? []).some(
      (c) => localDateOf(new Date(c.at), timeZone) === f.today,
    ),
  };
}

function resolveRange(
  query: { from?: string | undefined; to?: string | undefined },
  today: LocalDate,
  defaultDays: number,
) {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -(defaultDays - 1));
  if (from > to)
    throw invalid('The range ends before it starts.', [{ path: 'to', message: 'is before from' }]);
  return { from, to };
}

export async function states(ctx: AppContext, input: unknown) {
  const query = parseOrThrow(RangeQuery, input, 'query');
  const f = await frame(ctx);
  const { from, to } = resolveRange(query, f.today, 30);
  if (daysBetween(from, to) + 1 > MAX_STATE_DAYS) {
    throw invalid(`Ask for at most ${MAX_STATE_DAYS} days at a time.`, [
      { path: 'from', message: `must be within ${MAX_STATE_DAYS} days of to` },
    ]);
  }
  const modelInput = await inputFor(ctx, f, from, to);
  return {
    from,
    to,
    timeZone: f.settings.timeZone,
    days: computeDailyStates(modelInput, { from, to }),
  };
}

export async function explain(ctx: AppContext, date: string): Promise<DayExplanation> {
  if (!isLocalDate(date)) {
    throw invalid('The day must be a calendar date.', [
      { path: 'date', message: 'must be YYYY-MM-DD' },
    ]);
  }
  const f = await frame(ctx);
  return explainDay(await inputFor(ctx, f, date, date), date, { limit: 5 });
}

export async function insights(
  ctx: AppContext,
  input: unknown,
): Promise<InsightsReport & { from: LocalDate; to: LocalDate }> {
  const query = parseOrThrow(RangeQuery, input, 'query');
  const f = await frame(ctx);
  const { from, to } = resolveRange(query, f.today, 365);
  const { timeZone } = f.settings;
  // Insights compare whole days, so load the analysed span itself (and the day after, for next-day stress).
  const start = startOfLocalDay(from, timeZone).toISOString();
  const end = startOfLocalDay(addDays(to, 2), timeZone).toISOString();
  const [interactions, checkIns, connections] = await Promise.all([
    ctx.store.interactions.between(start, end),
    ctx.store.checkins.between(start, end),
    ctx.store.connections.all(),
  ]);
  const report = computeInsights({
    interactions,
    checkIns,
    connections,
    timeZone,
    params: f.params,
    from,
    to,
    trackingStart: f.trackingStart,
  });
  return { from, to, ...report };
}

export async function decideNudge(ctx: AppContext, input: unknown): Promise<NudgeDecision> {
  const data = parseOrThrow(NudgeDecisionInput, input, 'decision');
  const { timeZone } = await ctx.store.settings();
  const today = localDateOf(ctx.clock(), timeZone);
  if (data.action === 'snoozed' && data.until !== undefined && data.until <= today) {
    throw invalid('A snooze must end after today.', [
      { path: 'until', message: 'must be after today' },
    ]);
  }
  if (data.action !== 'snoozed' && data.until !== undefined) {
    throw invalid('Only a snooze has an end date.', [
      { path: 'until', message: 'is only for snoozes' },
    ]);
  }
  const decision: NudgeDecision = {
    key: data.key,
    action: data.action,
    until: data.action === 'snoozed' ? (data.until ?? addDays(today, 1)) : null,
    decidedOn: today,
  };
  await ctx.store.nudges.save(decision, ctx.clock().toISOString());
  return decision;
}

export function listNudgeDecisions(ctx: AppContext): Promise<NudgeDecision[]> {
  return ctx.store.nudges.all();
}

export async function clearNudgeDecision(ctx: AppContext, key: string): Promise<void> {
  if (!(await ctx.store.nudges.clear(key))) {
    throw notFound('decision for the nudge', key);
  }
}

/** Every parameter with its default, range and description, plus what is in force for this user. */
export async function modelParameters(ctx: AppContext) {
  const settings = await ctx.store.settings();
  return {
    effective: resolveModelParams(settings.modelParams),
    overrides: settings.modelParams,
    schema: z.toJSONSchema(ModelParamsSchema, { io: 'input', unrepresentable: 'any' }),
  };
}
