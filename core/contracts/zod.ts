/**
 * zod with OpenAPI metadata (`.openapi({ example, description })`), for the contracts the
 * API documents. The same zod instance the whole project uses, extended once here, so
 * core does not depend on the HTTP framework that reads the metadata.
 */
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export { z };
