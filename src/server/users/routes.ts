// User accounts (decision 026): list, create, change, deactivate, reactivate, reset password. For
// the national administrator (every municipality) and a municipality's manager (its own staff).
// Every change is audited; a new or reset password is answered once and never stored in clear.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { defineRoute } from '../platform/http/route.ts';
import { ApiError } from '../platform/http/errors.ts';
import { rolesAssignableBy } from '../../domain/permissions.ts';
import { newUserBody, oneTimePasswordResponse, patchUserBody, userAdminList, userAdminOne, userIdParams, usersQuery } from '../../contract/users.ts';
import { findUser, listUsers, municipalitiesIn, USERS_PAGE_SIZE } from './user-queries.ts';
import { presentUser } from './user-presenter.ts';
import { changeUser, createUser, resetPassword, scopeOf, setActive, type AdminActor } from './user-commands.ts';
import type { Tx } from '../platform/db/tenant.ts';

async function presented(tx: Tx, actor: AdminActor, id: string) {
  const row = await findUser(tx, scopeOf(actor), id);
  if (!row) throw new ApiError('internal', 'User vanished after the change');
  return presentUser(row, actor);
}

export function userRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/users',
      query: usersQuery,
      response: userAdminList,
      can: 'user.admin',
      audit: { action: 'user.list', entity: 'user', id: () => null, detail: ({ query }, out) => ({ count: out.users.length, total: out.total, page: out.page, municipalityCode: query.municipalityCode ?? null }) },
      handler: async ({ tx, actor, query }) => {
        const own = scopeOf(actor);
        // A manager asking for another municipality gets their own (the filter cannot widen the scope).
        const scope = own.municipalityCode === null && query.municipalityCode ? { municipalityCode: query.municipalityCode } : own;
        const page = query.page ?? 1;
        const { rows, total } = await listUsers(tx, scope, page);
        return {
          users: rows.map((row) => presentUser(row, actor)),
          total,
          page,
          pageSize: USERS_PAGE_SIZE,
          assignableRoles: rolesAssignableBy(actor),
          municipalities: await municipalitiesIn(tx, own),
        };
      },
    });

    defineRoute(app, ctx, {
      method: 'POST',
      url: '/api/users',
      body: newUserBody,
      response: oneTimePasswordResponse,
      status: 201,
      can: 'user.admin',
      audit: { action: 'user.create', entity: 'user', byCommand: true },
      handler: async ({ tx, trail, actor, body }) => {
        const { id, password } = await createUser(tx, trail, actor, body);
        return { user: await presented(tx, actor, id), oneTimePassword: password };
      },
    });

    defineRoute(app, ctx, {
      method: 'PATCH',
      url: '/api/users/:id',
      params: userIdParams,
      body: patchUserBody,
      response: userAdminOne,
      can: 'user.admin',
      audit: { action: 'user.update', entity: 'user', byCommand: true },
      handler: async ({ tx, trail, actor, params, body }) => {
        await changeUser(tx, trail, actor, params.id, body);
        return { user: await presented(tx, actor, params.id) };
      },
    });

    for (const [suffix, active] of [['deactivate', false], ['reactivate', true]] as const) {
      defineRoute(app, ctx, {
        method: 'POST',
        url: `/api/users/:id/${suffix}`,
        params: userIdParams,
        response: userAdminOne,
        can: 'user.admin',
        audit: { action: active ? 'user.reactivate' : 'user.deactivate', entity: 'user', byCommand: true },
        handler: async ({ tx, trail, actor, params }) => {
          await setActive(tx, trail, actor, params.id, active, ctx.now());
          return { user: await presented(tx, actor, params.id) };
        },
      });
    }

    defineRoute(app, ctx, {
      method: 'POST',
      url: '/api/users/:id/password-reset',
      params: userIdParams,
      response: oneTimePasswordResponse,
      can: 'user.admin',
      audit: { action: 'user.password_reset', entity: 'user', byCommand: true },
      handler: async ({ tx, trail, actor, params }) => {
        const password = await resetPassword(tx, trail, actor, params.id);
        return { user: await presented(tx, actor, params.id), oneTimePassword: password };
      },
    });
  };
}
