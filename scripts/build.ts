/** `npm run build`: the help center, its Pagefind index and the suggestion index (api/site-build/build.ts). */
import { buildSite } from '../api/site-build/build.ts';

if (process.argv.includes('--help')) {
  console.log(
    'Usage: npm run build [-- <astro build flags>]\nBuilds the site into KB_OUT_DIR (default dist/) from KB_CONTENT_DIR (default content/), then its search index.',
  );
} else {
  buildSite(process.argv.slice(2)).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
