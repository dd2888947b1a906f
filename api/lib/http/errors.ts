/**
 * One error envelope for every failure (CONTRIBUTING.md, "Conventions"):
 * `{ "error": { "code", "message", "details": [...] } }`. Handlers throw ApiError; the
 * app's onError turns anything thrown into this shape and never leaks a stack trace.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface ErrorDetail {
  field?: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorBody(code: string, message: string, details: ErrorDetail[] = []) {
  return { error: { code, message, details } };
}

/** The app's onError: known errors keep their status, anything else is a 500 without internals. */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof ApiError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return c.json(errorBody(error.code, error.message, error.details), error.status);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    return c.json(errorBody(status === 413 ? 'payload_too_large' : 'http_error', error.message || 'Request failed'), status);
  }
  // A database that cannot be read (locked, gone, corrupt) is a 503, not a bug report.
  if ((error as { code?: string }).code?.startsWith('SQLITE_') || /driver has already been destroyed/.test(error.message)) {
    c.header('Retry-After', '5');
    return c.json(errorBody('unavailable', 'The database is unavailable. Please try again.'), 503);
  }
  console.error(error);
  return c.json(errorBody('internal', 'Something went wrong on our side. Please try again.'), 500);
}
