/**
 * A router for one resource, mounted at its path (`api.route('/votes', …)`), with the
 * shared validation hook (sub-apps do not inherit it). Every route is one `createRoute`
 * object passed to `router.openapi(route, handler)`: it is both what the OpenAPI document
 * shows and what validates the request.
 */
import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context, Handler, MiddlewareHandler, Next } from 'hono';
import { ownReader } from './request-parts.ts';
import { validationHook } from './validation.ts';

/** OpenAPIHono with the API's validation hook, whose openapi() also takes jsonBody() and readByHandler() parts. */
export class ApiRouter extends OpenAPIHono {
  constructor() {
    super({ defaultHook: validationHook });
    // The framework's own openapi(), seen without its route-specific typing (the public one keeps it).
    const openapi = this.openapi as unknown as (route: RouteConfig & { hide?: boolean }, handler: Handler, hook?: unknown) => this;
    // Parts made with jsonBody() or readByHandler() are documented as written but left out
    // of the framework's validators: a jsonBody's reader runs first in the handler instead.
    const withOwnReaders = (route: RouteConfig & { hide?: boolean }, handler: Handler, hook?: unknown) => {
      const bodyReader = ownReader(route.request?.body);
      const headersRead = ownReader(route.request?.headers as object | undefined);
      if (!bodyReader && !headersRead) return openapi(route, handler, hook);
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- middleware is how the route runs, not part of its document.
      const { middleware, hide, ...documented } = route;
      if (!hide) this.openAPIRegistry.registerPath(documented);
      const { body, headers, ...rest } = route.request ?? {};
      const request = { ...rest, ...(bodyReader ? {} : { body }), ...(headersRead ? {} : { headers }) };
      const run: Handler =
        typeof bodyReader === 'function'
          ? async (c: Context, next: Next) => {
              c.req.addValidatedData('json', (await bodyReader(c)) as object);
              return handler(c, next);
            }
          : handler;
      return openapi({ ...route, request, hide: true }, run, hook);
    };
    this.openapi = withOwnReaders as unknown as typeof this.openapi;
  }
}

export const newRouter = () => new ApiRouter();

/**
 * A route's middleware, run in this order, as the tuple @hono/zod-openapi reads the handler's
 * env from (with `as const` the tuple is readonly, and the env of `requireStaff` is lost).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any env, path and input, as MiddlewareHandler's own defaults.
export const inOrder = <M extends Array<MiddlewareHandler<any, any, any>>>(...middleware: M): M => middleware;
