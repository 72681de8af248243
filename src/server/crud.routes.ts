import type { z } from 'zod';
import * as checkins from '../app/checkins.usecases.js';
import * as connections from '../app/connections.usecases.js';
import * as contact from '../app/contact.usecases.js';
import type { AppContext } from '../app/context.js';
import * as interactions from '../app/interactions.usecases.js';
import * as plans from '../app/plans.usecases.js';
import { ConnectionListQuery } from '../app/ranges.js';
import * as settings from '../app/settings.usecases.js';
import { CheckIn, CheckInCreate, CheckInUpdate } from '../core/checkins.schemas.js';
import { ListQuery, pageOf } from '../core/common.schemas.js';
import { Connection, ConnectionCreate, ConnectionUpdate } from '../core/connections.schemas.js';
import { ContactDays, ContactDaysQuery, ContactStatus } from '../core/contact.schemas.js';
import { Interaction, InteractionCreate, InteractionUpdate } from '../core/interactions.schemas.js';
import { Plan, PlanCreate, PlanUpdate } from '../core/plans.schemas.js';
import { Settings, SettingsUpdate } from '../core/settings.schemas.js';
import { type RouteDef, route } from './route.js';

interface Resource {
  /** Plural path segment and tag, e.g. `connections`. */
  name: string;
  /** Singular, for operation ids and summaries. */
  singular: string;
  schema: z.ZodType;
  create: z.ZodType;
  update: z.ZodType;
  listQuery: z.ZodObject;
  ops: {
    create(ctx: AppContext, body: unknown): Promise<unknown>;
    get(ctx: AppContext, id: string): Promise<unknown>;
    update(ctx: AppContext, id: string, body: unknown): Promise<unknown>;
    remove(ctx: AppContext, id: string): Promise<void>;
    list(ctx: AppContext, query: unknown): Promise<unknown>;
  };
}

const cap = (s: string) =>
  s.charAt(0).toUpperCase() + s.slice(1).replace(/-(\w)/g, (_, c) => c.toUpperCase());

/** The five routes every resource has, generated so they stay uniform. */
function crudRoutes(r: Resource): RouteDef[] {
  const base = `/api/v1/${r.name}`;
  const Name = cap(r.singular);
  return [
    route({
      method: 'get',
      path: base,
      operationId: `list${cap(r.name)}`,
      summary: `List ${r.name}`,
      tag: r.name,
      query: r.listQuery,
      status: 200,
      response: pageOf(r.schema, Name),
      handler: ({ ctx, query }) => r.ops.list(ctx, query),
    }),
    route({
      method: 'post',
      path: base,
      operationId: `create${Name}`,
      summary: `Create a ${r.singular}`,
      tag: r.name,
      body: r.create,
      status: 201,
      response: r.schema,
      handler: ({ ctx, body }) => r.ops.create(ctx, body),
    }),
    route({
      method: 'get',
      path: `${base}/{id}`,
      operationId: `get${Name}`,
      summary: `Read a ${r.singular}`,
      tag: r.name,
      status: 200,
      response: r.schema,
      handler: ({ ctx, params }) => r.ops.get(ctx, params.id ?? ''),
    }),
    route({
      method: 'patch',
      path: `${base}/{id}`,
      operationId: `update${Name}`,
      summary: `Change some fields of a ${r.singular}`,
      tag: r.name,
      body: r.update,
      status: 200,
      response: r.schema,
      handler: ({ ctx, params, body }) => r.ops.update(ctx, params.id ?? '', body),
    }),
    route({
      method: 'delete',
      path: `${base}/{id}`,
      operationId: `delete${Name}`,
      summary: `Delete a ${r.singular}`,
      tag: r.name,
      status: 204,
      handler: ({ ctx, params }) => r.ops.remove(ctx, params.id ?? ''),
    }),
  ];
}

export const crudRouteDefs: RouteDef[] = [
  ...crudRoutes({
    name: 'connections',
    singular: 'connection',
    schema: Connection,
    create: ConnectionCreate,
    update: ConnectionUpdate,
    listQuery: ConnectionListQuery,
    ops: {
      create: connections.createConnection,
      get: connections.getConnection,
      update: connections.updateConnection,
      remove: connections.deleteConnection,
      list: connections.listConnections,
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/connections/{id}/contact-days',
    operationId: 'getContactDays',
    summary:
      'Per local day, how often you were in touch with a connection (a year unless from/to say otherwise)',
    tag: 'connections',
    query: ContactDaysQuery,
    status: 200,
    response: ContactDays,
    handler: ({ ctx, params, query }) => contact.contactDays(ctx, params.id ?? '', query),
  }),
  route({
    method: 'get',
    path: '/api/v1/contact-status',
    operationId: 'getContactStatus',
    summary: 'For every connection: the last day in touch and the days since, against its cadence',
    tag: 'connections',
    status: 200,
    response: ContactStatus,
    handler: ({ ctx }) => contact.contactStatus(ctx),
  }),
  ...crudRoutes({
    name: 'interactions',
    singular: 'interaction',
    schema: Interaction,
    create: InteractionCreate,
    update: InteractionUpdate,
    listQuery: ListQuery,
    ops: {
      create: interactions.createInteraction,
      get: interactions.getInteraction,
      update: interactions.updateInteraction,
      remove: interactions.deleteInteraction,
      list: interactions.listInteractions,
    },
  }),
  ...crudRoutes({
    name: 'checkins',
    singular: 'check-in',
    schema: CheckIn,
    create: CheckInCreate,
    update: CheckInUpdate,
    listQuery: ListQuery.omit({ connectionId: true }),
    ops: {
      create: checkins.createCheckIn,
      get: checkins.getCheckIn,
      update: checkins.updateCheckIn,
      remove: checkins.deleteCheckIn,
      list: checkins.listCheckIns,
    },
  }),
  ...crudRoutes({
    name: 'plans',
    singular: 'plan',
    schema: Plan,
    create: PlanCreate,
    update: PlanUpdate,
    listQuery: ListQuery,
    ops: {
      create: plans.createPlan,
      get: plans.getPlan,
      update: plans.updatePlan,
      remove: plans.deletePlan,
      list: plans.listPlans,
    },
  }),
  route({
    method: 'get',
    path: '/api/v1/settings',
    operationId: 'getSettings',
    summary: 'Read your settings',
    tag: 'settings',
    status: 200,
    response: Settings,
    handler: ({ ctx }) => settings.getSettings(ctx),
  }),
  route({
    method: 'patch',
    path: '/api/v1/settings',
    operationId: 'updateSettings',
    summary: 'Change some settings',
    tag: 'settings',
    body: SettingsUpdate,
    status: 200,
    response: Settings,
    handler: ({ ctx, body }) => settings.updateSettings(ctx, body),
  }),
];
