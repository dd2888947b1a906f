/** /staff/comments/ (issue 17): the queue of unhandled vote comments across all articles. */
import type { Lang } from '../../../core/content/article.ts';
import type { VoteComment } from '../../../core/contracts/kcs.ts';
import { kcsFetch } from './kcs-client.ts';
import { startKcsPage } from './kcs-page.ts';
import { fill } from './dom.ts';
import { commentList } from './comment-list.ts';

async function render(main: HTMLElement, lang: Lang) {
  const { comments } = await kcsFetch<{ comments: VoteComment[] }>('/api/feedback/comments?handled=false&limit=200');
  fill(main, commentList(lang, comments, true));
}

startKcsPage(render);
