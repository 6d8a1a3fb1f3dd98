import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorCodes, type ErrorCode, type FieldProblem } from '../lib/errors';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance?: string;
  errors?: Array<FieldProblem & { in?: string }>;
  [extra: string]: unknown;
}

function problemFor(code: ErrorCode, detail: string, extra: Partial<Problem> = {}): Problem {
  const { status, title } = errorCodes[code];
  // The problem's own members come last: a detail that happens to be called "status" or "code"
  // must never change what the answer is.
  return { ...extra, type: `urn:stadtnetz:problem:${code}`, title, status, code, detail };
}

function pathOf(instancePath: string | undefined, params: unknown): string {
  const base = (instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  // Zod reports a missing key on its parent; name the key itself.
  const missing = (params as { issue?: { path?: unknown[] } } | undefined)?.issue?.path;
  if (Array.isArray(missing) && missing.length > 0) return missing.join('.');
  return base || '(root)';
}

const statusCodes: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** Turns every error into RFC 9457 problem+json; only real faults answer 500. */
export function toProblem(error: unknown, request: FastifyRequest): Problem {
  const instance = request.url;
  if (error instanceof AppError) {
    return problemFor(error.code, error.message, {
      instance,
      ...(error.fields.length ? { errors: error.fields } : {}),
      ...(error.details ?? {}),
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((v) => ({
      path: pathOf(v.instancePath, v.params),
      in: error.validationContext ?? 'body',
      message: v.message ?? 'Invalid value.',
    }));
    const summary = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    return problemFor('VALIDATION_FAILED', `Please correct: ${summary}`, { instance, errors });
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.code?.startsWith('FST_CSRF')) {
    return problemFor('CSRF_TOKEN_INVALID', 'The security token is missing or expired; reload the page and try again.', { instance });
  }
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    const code = statusCodes[status] ?? 'BAD_REQUEST';
    return problemFor(code, fastifyError.message || errorCodes[code].title, { instance });
  }
  return problemFor('INTERNAL', 'Something went wrong on our side. The error was logged.', { instance });
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}
