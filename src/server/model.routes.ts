import { z } from 'zod';
import * as model from '../app/model.usecases.js';
import {
  DayExplanationSchema,
  InsightsSchema,
  NudgeDecisionInput,
  NudgeDecisionSchema,
  RangeQuery,
  StatesSchema,
  TodaySchema,
} from '../core/model/model.schemas.js';
import { route } from './route.js';

const ModelParameters = z
  .object({
    effective: z.record(z.string(), z.unknown()).meta({ description: 'Every parameter in force.' }),
    overrides: z.record(z.string(), z.unknown()).meta({ description: 'The ones you changed.' }),
    schema: z.record(z.string(), z.unknown()).meta({
      description: 'JSON Schema of the parameters: default, minimum, maximum and meaning of each.',
    }),
  })
  .meta({ id: 'ModelParameters' });

export const modelRouteDefs = [
  route({
    method: 'get',
    path: '/api/v1/today',
    operationId: 'getToday',
    summary:
      'Today: the four states, alerts, upcoming dates, whom to reach out to, and whether you checked in',
    tag: 'model',
    status: 200,
    response: TodaySchema,
    handler: ({ ctx }) => model.today(ctx),
  }),
  route({
    method: 'get',
    path: '/api/v1/states',
    operationId: 'getStates',
    summary: 'Daily states over a range of local days (at most three years)',
    tag: 'model',
    query: RangeQuery,
    status: 200,
    response: StatesSchema,
    handler: ({ ctx, query }) => model.states(ctx, query),
  }),
  route({
    method: 'get',
    path: '/api/v1/states/{date}/explanation',
    operationId: 'explainDay',
    summary:
      'Why each state is what it is on a day: the rule and the interactions that moved it most',
    tag: 'model',
    status: 200,
    response: DayExplanationSchema,
    handler: ({ ctx, params }) => model.explain(ctx, params.date ?? ''),
  }),
  route({
    method: 'get',
    path: '/api/v1/insights',
    operationId: 'getInsights',
    summary:
      'What goes with calmer days: differences in stress with 95% intervals (association, not cause)',
    tag: 'model',
    query: RangeQuery,
    status: 200,
    response: InsightsSchema,
    handler: ({ ctx, query }) => model.insights(ctx, query),
  }),
  route({
    method: 'get',
    path: '/api/v1/model/params',
    operationId: 'getModelParams',
    summary: 'The model’s parameters: what is in force, what you changed, and each one’s range',
    tag: 'model',
    status: 200,
    response: ModelParameters,
    handler: ({ ctx }) => model.modelParameters(ctx),
  }),
  route({
    method: 'get',
    path: '/api/v1/nudges/decisions',
    operationId: 'listNudgeDecisions',
    summary: 'Your decisions on nudges (done, snoozed, dismissed)',
    tag: 'nudges',
    status: 200,
    response: z.array(NudgeDecisionSchema),
    handler: ({ ctx }) => model.listNudgeDecisions(ctx),
  }),
  route({
    method: 'post',
    path: '/api/v1/nudges/decisions',
    operationId: 'decideNudge',
    summary: 'Mark a nudge done, snooze it until a day, or dismiss it',
    tag: 'nudges',
    body: NudgeDecisionInput,
    status: 201,
    response: NudgeDecisionSchema,
    handler: ({ ctx, body }) => model.decideNudge(ctx, body),
  }),
  route({
    method: 'delete',
    path: '/api/v1/nudges/decisions/{key}',
    operationId: 'clearNudgeDecision',
    summary: 'Undo a decision, so the nudge can show again',
    tag: 'nudges',
    status: 204,
    handler: ({ ctx, params }) => model.clearNudgeDecision(ctx, params.key ?? ''),
  }),
];
