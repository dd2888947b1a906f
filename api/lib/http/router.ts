/** A router for one resource, with the shared validation hook (sub-apps do not inherit it). */
import { OpenAPIHono } from '@hono/zod-openapi';
import { validationHook } from './validation.ts';

export const newRouter = () => new OpenAPIHono({ defaultHook: validationHook });
