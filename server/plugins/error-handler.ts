import type { FastifyError, FastifyInstance } from 'fastify';
import { DutyError, type ErrorCode } from '../errors';

interface ValidationIssue {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

function describeValidation(context: string | undefined, issues: ValidationIssue[]): string {
  const first = issues[0];
  if (!first) return 'invalid input';
  const path = [context ?? 'input', ...first.instancePath.split('/').filter(Boolean)].join('.');
  if (first.keyword === 'additionalProperties')
    return `${path}: unknown field "${String(first.params.additionalProperty)}"`;
  if (first.keyword === 'required') return `${path}: missing field "${String(first.params.missingProperty)}"`;
  if (first.keyword === 'enum' || first.keyword === 'const' || first.keyword === 'anyOf') {
    return `${path}: not one of the allowed values`;
  }
  return `${path} ${first.message ?? 'is invalid'}`;
}

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** Fastify's own 4xx codes, mapped into the catalogue. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'DUTY_ERR_BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'DUTY_ERR_UNSUPPORTED_MEDIA',
};

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | DutyError, req, reply) => {
    if (err instanceof DutyError) {
      if (err.status >= 500) req.log.error({ err }, 'request failed');
      return reply
        .status(err.status)
        .headers(err.headers)
        .send({ error: { code: err.code, message: err.message }, ...err.details });
    }
    if (err.validation) {
      const message = describeValidation(err.validationContext, err.validation as ValidationIssue[]);
      return reply.status(400).send({ error: { code: 'DUTY_ERR_VALIDATION', message } });
    }
    if (isUniqueViolation(err)) {
      return reply.status(409).send({ error: { code: 'DUTY_ERR_CONFLICT', message: 'that already exists' } });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = FASTIFY_CODES[err.code] ?? 'DUTY_ERR_BAD_REQUEST';
      // Fastify's own messages for malformed bodies say what is wrong and leak nothing internal.
      return reply.status(status).send({ error: { code, message: err.message } });
    }
    req.log.error({ err }, 'request failed');
    return reply.status(500).send({ error: { code: 'DUTY_ERR_INTERNAL', message: 'internal error' } });
  });
}
