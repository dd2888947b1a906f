/**
 * Validation failures from @hono/zod-openapi become one 400 envelope that names each
 * bad field, the same shape every other error has.
 */
import type { Hook } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { ApiError, type ErrorDetail } from './errors.ts';

export function zodDetails(error: ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message }));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Hook is generic over every route's env and input.
export const validationHook: Hook<any, any, any, any> = (result) => {
  if (!result.success) {
    const details = zodDetails(result.error);
    throw new ApiError(400, 'invalid_request', `Invalid request: ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`, details);
  }
};
