/** Props of the components authors may use in MDX, validated with friendly messages. */
import { z } from 'zod';

export const calloutPropsSchema = z
  .object({
    /** note · tip · warning · danger */
    type: z.enum(['note', 'tip', 'warning', 'danger']).default('note'),
    /** Optional heading shown in bold. */
    title: z.string().max(120).optional(),
  })
  .strict();
