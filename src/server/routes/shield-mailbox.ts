import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  listMailboxReports,
  mailboxInputSchema,
  mailboxSettings,
  pollMailbox,
  reportFilterSchema,
  setMailboxSettings,
  testMailboxConnection,
} from '../../shield/index.js';
import type { ShieldRouteOptions } from './shield.js';

/** The reported-phish mailbox: settings (passwords write-only), connection test, poll, and the queue. */
export const mailboxRoutes: FastifyPluginAsyncZod<ShieldRouteOptions> = async (app, opts) => {
  app.get(
    '/api/v1/shield/mailbox/settings',
    {
      schema: { tags: ['shield'], summary: 'Reported mailbox settings (passwords are never returned)' },
      config: { permission: 'threats:manage' },
    },
    async () => ({ settings: await mailboxSettings(app.vigie) }),
  );
  app.put(
    '/api/v1/shield/mailbox/settings',
    {
      schema: {
        tags: ['shield'],
        summary:
          'Replace the reported mailbox settings; an omitted password keeps the stored one only while that server, port and user stay the same',
        body: mailboxInputSchema,
      },
      config: { permission: 'threats:manage' },
    },
    async (req) => ({ settings: await setMailboxSettings(app.vigie, req.principal, req.body) }),
  );
  app.post(
    '/api/v1/shield/mailbox/test',
    {
      schema: { tags: ['shield'], summary: 'Log in to the IMAP and SMTP servers with the saved settings' },
      config: { permission: 'threats:manage' },
    },
    async () => testMailboxConnection(app.vigie),
  );
  app.post(
    '/api/v1/shield/mailbox/poll',
    {
      schema: { tags: ['shield'], summary: 'Poll the reported mailbox now' },
      config: { permission: 'threats:manage' },
    },
    async (req) => ({ poll: await pollMailbox(app.vigie, req.principal, { resolver: opts.resolver }) }),
  );
  app.get(
    '/api/v1/shield/mailbox/reports',
    {
      schema: {
        tags: ['shield'],
        summary: 'Messages staff reported, newest first (reporters masked)',
        querystring: reportFilterSchema,
      },
      config: { permission: 'threats:read' },
    },
    async (req) => ({ reports: await listMailboxReports(app.vigie, req.query) }),
  );
};
