import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUser, listUsers, newUserSchema, updateUser, userPatchSchema } from '../../core/index.js';
import { idParams, userSchema } from './schemas.js';

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { permission: 'users:manage' as const };
  app.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'List users',
        response: { 200: z.object({ users: z.array(userSchema) }) },
      },
      config,
    },
    async () => ({ users: await listUsers(app.vigie) }),
  );
  app.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Invite a user with a role',
        body: newUserSchema,
        response: { 201: z.object({ user: userSchema }) },
      },
      config,
    },
    async (req, reply) =>
      reply.code(201).send({ user: await createUser(app.vigie, req.principal, req.body) }),
  );
  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change role, disable or enable, update profile or password',
        params: idParams,
        body: userPatchSchema,
        response: { 200: z.object({ user: userSchema }) },
      },
      config,
    },
    async (req) => ({ user: await updateUser(app.vigie, req.principal, req.params.id, req.body) }),
  );
};
