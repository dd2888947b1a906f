/**
 * Free text a visitor sends, cleaned first and validated after (issue 14): a value made only
 * of control or bidirectional characters is empty once cleaned, so it fails `min` with a 400
 * naming its field instead of passing validation and failing later.
 */
import { z } from './zod.ts';
import { cleanText } from '../text/plain-text.ts';

/** Options of cleanTextSchema: the bounds after cleaning and their messages. */
export interface CleanTextOptions {
  min?: number;
  max: number;
  minMessage?: string;
  maxMessage?: string;
}

/** A string cleaned by core/text/plain-text.ts's rule, then checked against `min`/`max`. */
export function cleanTextSchema(options: CleanTextOptions) {
  let checked = z.string().max(options.max, options.maxMessage);
  if (options.min !== undefined) checked = checked.min(options.min, options.minMessage);
  return z.string().transform(cleanText).pipe(checked);
}
