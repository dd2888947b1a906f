/**
 * Where the islands send their API calls (votes, events, suggestions, contact, dashboards).
 * `KB_API_ORIGIN` at build time (astro.config.mjs defines __KB_API_ORIGIN__ from it) when the
 * static site is served from another origin than the API, a CDN for instance
 * (docs/deploy.md); unset, the page's own origin. The API must then list the site's origin
 * in KB_CORS_ORIGINS. Outside a build (unit tests) the constant is undefined: same origin.
 */
declare const __KB_API_ORIGIN__: string | undefined;

/** The API's origin without a trailing slash; '' for the page's own. */
export const API_ORIGIN: string = typeof __KB_API_ORIGIN__ === 'string' ? __KB_API_ORIGIN__ : '';

/** The address of an API path (`/api/...`) for the browser. */
export const apiUrl = (path: string): string => `${API_ORIGIN}${path}`;
