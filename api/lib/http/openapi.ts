/** Shared pieces of the OpenAPI document: the error envelope and the statuses that use it. */
import { z } from '@hono/zod-openapi';

export const errorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_request' }),
      message: z.string(),
      details: z.array(z.object({ field: z.string().optional(), message: z.string() })),
    }),
  })
  .openapi('Error');

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed JSON or invalid fields (each named in details)',
  401: 'Missing or invalid staff token',
  403: 'The token lacks the role this needs',
  413: 'Body over 16 KB',
  415: 'Unsupported content type',
  422: 'Unknown article or ticket',
  429: 'Rate limit reached (see Retry-After)',
  503: 'Database unavailable; nothing was written',
};

export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: DESCRIPTIONS[s] ?? 'Error', content: { 'application/json': { schema: errorEnvelopeSchema } } }]),
  );
}
