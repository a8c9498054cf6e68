import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agentReply,
  assistantAnalytics,
  assistantInputSchema,
  closeConversation,
  conversationMessages,
  createAssistant,
  deleteArticle,
  getAssistant,
  importArticle,
  listArticles,
  listAssistants,
  listConversations,
  messageInputSchema,
  updateAssistant,
} from '../../assistant/index.js';
import { idParams } from './schemas.js';

const articleParams = z.object({ id: z.string().uuid(), articleId: z.string().uuid() });
const conversationParams = z.object({ id: z.string().uuid(), cid: z.string().uuid() });

/** The console side of the Assistant: assistants, their knowledge base, the handoff queue, analytics. */
export const assistantRoutes: FastifyPluginAsyncZod = async (app) => {
  const manage = { permission: 'assistant:manage' as const };
  const handoff = { permission: 'assistant:handoff' as const };
  app.get(
    '/api/v1/assistants',
    { schema: { tags: ['assistant'], summary: 'Assistants' }, config: manage },
    async () => ({
      assistants: await listAssistants(app.vigie),
    }),
  );
  app.post(
    '/api/v1/assistants',
    {
      schema: { tags: ['assistant'], summary: 'Create an assistant', body: assistantInputSchema },
      config: manage,
    },
    async (req, reply) =>
      reply.code(201).send({ assistant: await createAssistant(app.vigie, req.principal, req.body) }),
  );
  app.get(
    '/api/v1/assistants/:id',
    { schema: { tags: ['assistant'], summary: 'One assistant', params: idParams }, config: manage },
    async (req) => ({
      assistant: await getAssistant(app.vigie, req.params.id),
    }),
  );
  app.put(
    '/api/v1/assistants/:id',
    {
      schema: {
        tags: ['assistant'],
        summary: 'Update an assistant',
        params: idParams,
        body: assistantInputSchema,
      },
      config: manage,
    },
    async (req) => ({ assistant: await updateAssistant(app.vigie, req.principal, req.params.id, req.body) }),
  );
  app.get(
    '/api/v1/assistants/:id/articles',
    {
      schema: {
        tags: ['assistant'],
        summary: 'Knowledge-base articles with their Guard status',
        params: idParams,
      },
      config: manage,
    },
    async (req) => ({ articles: await listArticles(app.vigie, req.params.id) }),
  );
  app.post(
    '/api/v1/assistants/:id/articles',
    {
      bodyLimit: 512 * 1024,
      schema: {
        tags: ['assistant'],
        summary: 'Import an approved article (Markdown with front matter); Guard checks it first',
        params: idParams,
        body: z.object({ markdown: z.string().min(1).max(300_000) }),
      },
      config: manage,
    },
    async (req, reply) =>
      reply
        .code(201)
        .send({ article: await importArticle(app.vigie, req.principal, req.params.id, req.body.markdown) }),
  );
  app.delete(
    '/api/v1/assistants/:id/articles/:articleId',
    { schema: { tags: ['assistant'], summary: 'Remove an article', params: articleParams }, config: manage },
    async (req, reply) => {
      await deleteArticle(app.vigie, req.principal, req.params.id, req.params.articleId);
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/v1/assistants/:id/analytics',
    {
      schema: {
        tags: ['assistant'],
        summary: 'Deflection, unanswered topics, cited articles, feedback',
        params: idParams,
      },
      config: manage,
    },
    async (req) => assistantAnalytics(app.vigie, req.params.id),
  );
  app.get(
    '/api/v1/assistants/:id/conversations',
    {
      schema: {
        tags: ['assistant'],
        summary: 'Conversations (the handoff queue with status=handoff)',
        params: idParams,
        querystring: z.object({ status: z.enum(['open', 'handoff', 'closed']).optional() }),
      },
      config: handoff,
    },
    async (req) => ({ conversations: await listConversations(app.vigie, req.params.id, req.query.status) }),
  );
  app.get(
    '/api/v1/assistants/:id/conversations/:cid/messages',
    {
      schema: {
        tags: ['assistant'],
        summary: 'Messages of a conversation (reading is recorded)',
        params: conversationParams,
      },
      config: handoff,
    },
    async (req) => ({
      messages: await conversationMessages(app.vigie, req.principal, req.params.id, req.params.cid),
    }),
  );
  app.post(
    '/api/v1/assistants/:id/conversations/:cid/reply',
    {
      schema: {
        tags: ['assistant'],
        summary: 'Answer as an agent in the same conversation',
        params: conversationParams,
        body: messageInputSchema,
      },
      config: handoff,
    },
    async (req, reply) =>
      reply.code(201).send({
        message: await agentReply(app.vigie, req.principal, req.params.id, req.params.cid, req.body.text),
      }),
  );
  app.post(
    '/api/v1/assistants/:id/conversations/:cid/close',
    {
      schema: { tags: ['assistant'], summary: 'Close a conversation', params: conversationParams },
      config: handoff,
    },
    async (req, reply) => {
      await closeConversation(app.vigie, req.principal, req.params.id, req.params.cid);
      return reply.code(204).send();
    },
  );
};
