/**
 * Pages whose address carries an id the build cannot know (a ticket, a request): the build
 * publishes one shell page per kind, and the static server answers every matching address
 * with it; the page's island reads the id from `location`. A CDN in front of the static
 * site needs the same rewrites (docs/deploy.md).
 *
 * Each pattern matches a decoded path; `page` is the shell's file inside the build folder.
 * An address that names a real file or folder of the build is served as that, never as a shell.
 */
export interface ShellPage {
  /** What the shell is for, for docs and errors. */
  name: string;
  pattern: RegExp;
  page: string;
}

export const SHELL_PAGES: readonly ShellPage[] = [
  // A customer's request, /<lang>/requests/<ref>/?k=… (issue 16): the page of its language.
  { name: 'customer request (en)', pattern: /^\/en\/requests\/[^/]+\/$/, page: 'en/requests/index.html' },
  { name: 'customer request (zh-CN)', pattern: /^\/zh-CN\/requests\/[^/]+\/$/, page: 'zh-CN/requests/index.html' },
  // One request in the staff inbox, /staff/requests/<ref>/ (issue 16): the inbox page draws it.
  { name: 'staff request view', pattern: /^\/staff\/requests\/[^/]+\/?$/, page: 'staff/requests/index.html' },
  // The ticket view and the staff article page (issue 17); the islands read the id from location.
  { name: 'staff ticket view', pattern: /^\/staff\/tickets\/[a-z]+\/[^/]+\/?$/, page: 'staff/tickets/index.html' },
  { name: 'staff article page', pattern: /^\/staff\/articles\/(?:zh-CN|en)\/[a-z0-9-]+\/?$/, page: 'staff/articles/index.html' },
];

/** The shell page that answers `path`, or undefined. */
export function shellPageFor(path: string): ShellPage | undefined {
  return SHELL_PAGES.find((shell) => shell.pattern.test(path));
}
