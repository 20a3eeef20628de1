import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldError } from '../errors';

const PART_LABELS: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' };

function body(code: ErrorCode, message: string, fields?: FieldError[], extra?: Record<string, unknown>) {
  return { error: { code, message, ...(fields ? { fields } : {}), ...(extra ?? {}) } };
}

/** One error handler: stable codes, Chinese messages, 5xx details logged and never sent. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send(body(err.code, err.message, err.fields, err.extra));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || (err.validationContext ?? ''),
        message: v.message ?? '格式不正确',
      }));
      const where = PART_LABELS[err.validationContext ?? ''] ?? '请求';
      const first = fields[0];
      const message = first ? `${where}有误：${first.field ? first.field + ' ' : ''}${first.message}` : `${where}有误`;
      return reply.status(400).send(body('VALIDATION', message, fields));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response serialization failed');
      return reply.status(500).send(body('INTERNAL', '服务器内部错误，请稍后重试'));
    }
    const fe = err as FastifyError;
    const status = fe.statusCode ?? 500;
    if (status === 429) return reply.status(429).send(body('RATE_LIMITED', '请求过于频繁，请稍后再试'));
    if (status === 413) return reply.status(413).send(body('PAYLOAD_TOO_LARGE', '上传内容过大'));
    if (status === 415) return reply.status(415).send(body('UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型'));
    if (status >= 400 && status < 500) {
      const message =
        fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? '请求内容不是有效的JSON'
          : fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? '不支持的内容类型'
            : '请求有误';
      return reply.status(status === 404 ? 404 : 400).send(body(status === 404 ? 'NOT_FOUND' : 'VALIDATION', message));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', '服务器内部错误，请稍后重试'));
  });
}
