import { notFound } from '../core/errors.js';
import type { Interaction } from '../core/interactions.schemas.js';
import { type Plan, PlanCreate, PlanUpdate } from '../core/plans.schemas.js';
import { parseOrThrow } from '../core/validation.js';
import type { Page } from '../storage/pagination.js';
import type { UserStore } from '../storage/store.js';
import { type AppContext, nowInstant } from './context.js';
import { assertConnectionsExist, rangeFilter } from './ranges.js';

/** A plan marked done becomes a logged interaction, once. */
async function recordIfDone(ctx: AppContext, store: UserStore, plan: Plan): Promise<Plan> {
  if (plan.status !== 'done' || plan.interactionId) return plan;
  const now = nowInstant(ctx);
  const interaction: Interaction = {
    id: ctx.newId(),
    startedAt: plan.startsAt,
    durationMinutes: plan.durationMinutes,
    connectionIds: plan.connectionIds,
    channel: 'in_person',
    kinds: ['shared_activity'],
    delight: null,
    note: plan.location ? `${plan.title} (${plan.location})` : plan.title,
    messageCount: null,
    source: null,
    createdAt: now,
    updatedAt: now,
  };
  await store.interactions.insert(interaction);
  return { ...plan, interactionId: interaction.id };
}

export async function createPlan(ctx: AppContext, input: unknown): Promise<Plan> {
  const data = parseOrThrow(PlanCreate, input, 'plan');
  return ctx.store.transaction(async (store) => {
    await assertConnectionsExist({ ...ctx, store }, data.connectionIds);
    const now = nowInstant(ctx);
    const draft: Plan = {
      id: ctx.newId(),
      ...data,
      interactionId: null,
      createdAt: now,
      updatedAt: now,
    };
    const plan = await recordIfDone(ctx, store, draft);
    await store.plans.insert(plan);
    return plan;
  });
}

export async function getPlan(ctx: AppContext, id: string): Promise<Plan> {
  const found = await ctx.store.plans.get(id);
  if (!found) throw notFound('plan', id);
  return found;
}

export async function updatePlan(ctx: AppContext, id: string, input: unknown): Promise<Plan> {
  const patch = parseOrThrow(PlanUpdate, input, 'plan');
  return ctx.store.transaction(async (store) => {
    const current = await store.plans.get(id);
    if (!current) throw notFound('plan', id);
    if (patch.connectionIds) await assertConnectionsExist({ ...ctx, store }, patch.connectionIds);
    const next = await recordIfDone(ctx, store, {
      ...current,
      ...patch,
      updatedAt: nowInstant(ctx),
    });
    await store.plans.replace(next);
    return next;
  });
}

export async function deletePlan(ctx: AppContext, id: string): Promise<void> {
  if (!(await ctx.store.plans.delete(id))) throw notFound('plan', id);
}

export async function listPlans(ctx: AppContext, input: unknown): Promise<Page<Plan>> {
  return ctx.store.plans.list(await rangeFilter(ctx, input));
}
