/**
 * "Propose it" (issue 17): the repository's own new-file page, prefilled with the draft, so
 * the pull-request workflow of CONTRIBUTING.md takes over. GitHub's form takes `filename` and
 * `value` (docs.github.com, "Creating new files"); GitLab's takes `file_name` and `content`
 * under `/-/new/<branch>/`. A host that is not github.com is taken for GitLab (self-hosted
 * GitLab is the usual other forge for a support team).
 */

/** Drafts longer than this do not fit in an address browsers and forges accept; the page offers the download instead. */
export const MAX_PROPOSE_URL = 60_000;

/** The new-file address for `path` holding `text`, or null when there is no repository or the draft is too long for a URL. */
export function proposeUrl(repo: { url: string; branch: string } | undefined, path: string, text: string): string | null {
  if (!repo?.url) return null;
  const base = repo.url.replace(/\/+$/, '');
  const branch = encodeURIComponent(repo.branch).replace(/%2F/g, '/');
  const github = new URL(base).hostname === 'github.com';
  const url = github
    ? `${base}/new/${branch}?filename=${encodeURIComponent(path)}&value=${encodeURIComponent(text)}`
    : `${base}/-/new/${branch}/?file_name=${encodeURIComponent(path)}&content=${encodeURIComponent(text)}`;
  return url.length > MAX_PROPOSE_URL ? null : url;
}
