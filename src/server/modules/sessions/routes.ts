import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission, requireUser } from '../../plugins/auth';
import { createBus } from './bus';
import { RoomHub, send } from './hub';
import { ClientFrame, handleFrame, OPEN_STATUSES, publishRow, Terms } from './room';
import {
  cancelSession,
  getSession,
  listCaseSessions,
  listMessages,
  listMySessions,
  loadSessionFor,
  markStarted,
  scheduleSession,
  SessionCreate,
  SessionListQuery,
  type SessionRow,
} from './service';
import { closeSession, proposalToAgreement, ToAgreement } from './transcript';
import type { Member } from './membership';

const IdParams = z.object({ id: z.string().min(1) });
const tags = ['在线调解'];

/** A browser always sends Origin on a WebSocket handshake: it must be this site (or a configured one). */
function originAllowed(ctx: AppContext, req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser (no cross-site risk)
  if (ctx.config.allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export const sessionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const hub = new RoomHub(ctx, createBus(ctx));
    app.addHook('onClose', async () => hub.close());
    const joined = new WeakMap<FastifyRequest, { s: SessionRow; member: Member; after: number }>();

    /** Runs a member's action and wakes every process holding the room. */
    const act = async (sessionId: string, member: Member, frame: Exclude<ClientFrame, { type: 'ping' }>) => {
      const row = await handleFrame(ctx, sessionId, member, frame);
      await publishRow(hub.bus, row);
      return row;
    };

    app.post(
      '/api/cases/:id/sessions',
      { schema: { tags, summary: '预约在线调解（本案调解员）', params: IdParams, body: SessionCreate } },
      async (req, reply) => {
        requirePermission(req, 'session.schedule');
        reply.status(201);
        return scheduleSession(ctx, actorOf(req), req.params.id, req.body);
      },
    );
    app.get('/api/cases/:id/sessions', { schema: { tags, summary: '本案的在线调解', params: IdParams } }, async (req) => {
      requirePermission(req, 'session.join');
      return listCaseSessions(ctx, actorOf(req), req.params.id);
    });
    app.get(
      '/api/sessions',
      {
        schema: {
          tags,
          summary: '我的在线调解（可查看案件的全部调解，待开始的在前）',
          querystring: SessionListQuery.extend(PageQuery.shape),
        },
      },
      async (req) => {
        requirePermission(req, 'session.join');
        return listMySessions(ctx, actorOf(req), req.query);
      },
    );
    app.get(
      '/api/sessions/:id',
      { schema: { tags, summary: '调解室详情（我的身份、视频入口、调解方案）', params: IdParams } },
      async (req) => {
        requirePermission(req, 'session.join');
        return getSession(ctx, actorOf(req), req.params.id);
      },
    );
    app.get(
      '/api/sessions/:id/messages',
      {
        schema: {
          tags,
          summary: '调解室消息（seq 之后；只含本人可见的频道）',
          params: IdParams,
          querystring: z.object({
            after: z.coerce.number().int().min(0).default(0),
            limit: z.coerce.number().int().min(1).max(1000).default(500),
          }),
        },
      },
      async (req) => {
        requirePermission(req, 'session.join');
        return listMessages(ctx, actorOf(req), req.params.id, req.query.after, req.query.limit);
      },
    );
    const post = async (req: FastifyRequest, id: string, frame: Exclude<ClientFrame, { type: 'ping' }>) => {
      requirePermission(req, 'session.join');
      const { member } = await loadSessionFor(ctx, actorOf(req), id);
      const row = await act(id, member, frame);
      return { seq: row.seq, data: row.data ? (JSON.parse(row.data) as unknown) : null };
    };
    app.post(
      '/api/sessions/:id/messages',
      {
        schema: {
          tags,
          summary: '发送消息（WebSocket 不可用时）',
          params: IdParams,
          body: z.object({
            channel: z.enum(['main', 'applicant', 'respondent']).default('main'),
            text: z.string().trim().min(1, '消息不能为空').max(4000),
            clientId: z.string().max(64).optional(),
          }),
        },
      },
      async (req, reply) => {
        reply.status(201);
        return post(req, req.params.id, { type: 'message', ...req.body });
      },
    );
    app.post(
      '/api/sessions/:id/proposals',
      {
        schema: {
          tags,
          summary: '提出调解方案（调解员）',
          params: IdParams,
          body: z.object({ terms: Terms, clientId: z.string().max(64).optional() }),
        },
      },
      async (req, reply) => {
        reply.status(201);
        return post(req, req.params.id, { type: 'propose', ...req.body });
      },
    );
    app.post(
      '/api/sessions/:id/proposals/:proposalId/respond',
      {
        schema: {
          tags,
          summary: '当事人接受或不接受调解方案',
          params: IdParams.extend({ proposalId: z.string().min(1) }),
          body: z.object({ decision: z.enum(['accept', 'reject']) }),
        },
      },
      async (req) => post(req, req.params.id, { type: 'respond', proposalId: req.params.proposalId, decision: req.body.decision }),
    );
    app.post(
      '/api/sessions/:id/proposals/:proposalId/agreement',
      {
        schema: {
          tags,
          summary: '双方接受的方案形成调解协议',
          params: IdParams.extend({ proposalId: z.string().min(1) }),
          body: ToAgreement,
        },
      },
      async (req, reply) => {
        requirePermission(req, 'session.join');
        reply.status(201);
        return proposalToAgreement(ctx, actorOf(req), req.params.id, req.params.proposalId, req.body);
      },
    );
    app.post(
      '/api/sessions/:id/cancel',
      {
        schema: {
          tags,
          summary: '取消待开始的调解',
          params: IdParams,
          body: z.object({ reason: z.string().trim().min(1, '请填写取消原因').max(500) }),
        },
      },
      async (req) => {
        requirePermission(req, 'session.join');
        const r = await cancelSession(ctx, actorOf(req), req.params.id, req.body.reason);
        return { id: r.id, status: r.status };
      },
    );
    app.post('/api/sessions/:id/close', { schema: { tags, summary: '结束调解并生成调解笔录草稿', params: IdParams } }, async (req) => {
      requirePermission(req, 'session.join');
      return closeSession(ctx, actorOf(req), req.params.id, (row) => publishRow(hub.bus, row));
    });

    // The room: authenticated by the session cookie before the upgrade (401/403/404/409 are plain HTTP answers).
    app.get(
      '/api/sessions/:id/ws',
      {
        websocket: true,
        schema: {
          tags,
          summary: '调解室 WebSocket（协议见 docs/api.md）',
          params: IdParams,
          querystring: z.object({ after: z.coerce.number().int().min(0).default(0) }),
        },
        preValidation: async (req) => {
          requireUser(req);
          if (!originAllowed(ctx, req)) throw new AppError(403, 'FORBIDDEN', '不允许的来源（Origin）');
          requirePermission(req, 'session.join');
          const id = (req.params as { id: string }).id;
          const { s, member } = await loadSessionFor(ctx, actorOf(req), id);
          if (!(OPEN_STATUSES as readonly string[]).includes(s.status)) throw new AppError(409, 'CONFLICT', '调解已结束或已取消');
          const after = Math.max(0, Number((req.query as { after?: unknown }).after ?? 0) || 0);
          joined.set(req, { s, member, after });
        },
      },
      (socket, req) => {
        const j = joined.get(req)!;
        const { s, member } = j;
        let window = 0;
        let windowStart = Date.now();
        // Frames of one connection are handled one after another: a sender's messages keep their order.
        let chain = Promise.resolve();
        socket.on('message', (raw) => {
          chain = chain.then(async () => {
            let clientId: string | undefined;
            try {
              const now = Date.now();
              if (now - windowStart > 1000) {
                windowStart = now;
                window = 0;
              }
              if (++window > 30) throw new AppError(429, 'RATE_LIMITED', '发送过于频繁');
              const parsed = ClientFrame.safeParse(JSON.parse(String(raw)));
              if (!parsed.success) throw new AppError(400, 'VALIDATION', parsed.error.issues[0]?.message ?? '消息格式错误');
              const frame = parsed.data;
              if (frame.type === 'ping') return send(socket, { type: 'pong' });
              clientId = frame.clientId;
              const row = await act(s.id, member, frame);
              send(socket, { type: 'ack', clientId: clientId ?? null, seq: row.seq });
            } catch (e) {
              const err = e instanceof AppError ? e : new AppError(400, 'VALIDATION', '消息格式错误');
              if (!(e instanceof AppError) && !(e instanceof SyntaxError)) ctx.log.error({ err: e }, 'room frame failed');
              send(socket, { type: 'error', code: err.code, status: err.status, message: err.message, clientId: clientId ?? null });
            }
          });
        });
        let detach: (() => Promise<void>) | null = null;
        let gone = false;
        socket.on('close', () => {
          gone = true;
          void detach?.();
        });
        void (async () => {
          try {
            await markStarted(ctx, s, member);
            const welcome = { sessionId: s.id, me: member, lastSeq: s.last_seq, online: await hub.presence(s.id) };
            const d = await hub.attach(s.id, s.region_id, socket, member, j.after, welcome);
            if (gone) await d();
            else detach = d;
          } catch (err) {
            ctx.log.error({ err }, 'room attach failed');
            socket.close(1011, 'attach failed');
          }
        })();
      },
    );
  };
