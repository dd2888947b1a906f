/**
 * Saves a CSV export. A plain link cannot send the Authorization header, so the page
 * fetches the file with the token (api.ts) and hands the browser an object URL.
 */
import type { CsvFile } from './api.ts';

/** How long the object URL stays valid: long enough for the browser to start the download. */
const REVOKE_AFTER_MS = 60_000;

export function saveFile(file: CsvFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
