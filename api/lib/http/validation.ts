/**
 * Validation failures become one 400 envelope that names each bad field, the same shape
 * every other error has: from @hono/zod-openapi's validators (the routers' default hook),
 * from the fast body reader, and from the checks a handler makes itself.
 */
import type { Hook } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { fieldIssues, issuesText } from '../../../core/validation.ts';
import { ApiError, type ErrorDetail } from './errors.ts';

/** The envelope's details of a zod error; an issue about the whole value is named `(body)`. */
export function zodDetails(error: ZodError): ErrorDetail[] {
  return fieldIssues(error, '(body)');
}

/** A 400 `invalid_request` naming each bad field: `<lead>: a: …; b: …`. */
export function invalidRequest(details: ErrorDetail[], lead = 'Invalid request'): ApiError {
  return new ApiError(400, 'invalid_request', `${lead}: ${issuesText(details)}`, details);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Hook is generic over every route's env and input.
export const validationHook: Hook<any, any, any, any> = (result) => {
  if (!result.success) throw invalidRequest(zodDetails(result.error));
};
