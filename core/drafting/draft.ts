/**
 * A ticket becomes a draft article (KCS: capture in the workflow). Pure: the ticket, the
 * options and the taxonomy in; the file's text and what was redacted out. Every text taken
 * from the ticket goes through the redactor with the requester's and agent's names, and a
 * second pass over the finished article must find nothing, or no draft is made.
 */
import { stringify } from 'yaml';
import { findPersonalData, createRedactor, namesIn, type PersonalDataFinding } from '../text/redact.ts';
import type { Ticket } from '../tickets/ticket.ts';
import {
  articleSchemaFor,
  describeIssues,
  SLUG_PATTERN,
  type ArticleFrontmatterInput,
  type ArticleType,
  type Lang,
} from '../content/article.ts';
import type { TopicTree } from '../content/topics.ts';
import { slugify } from '../text/slug.ts';
import { draftSummary, kcsBody } from './skeleton.ts';

/** A draft cannot be made as asked; the message says what to change. */
export class DraftError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DraftError';
  }
}

export interface DraftOptions {
  type: ArticleType;
  lang: Lang;
  /** The id written into `tickets:` (`zendesk:35436` when the source must be named). */
  ticketRef: string;
  slug?: string | undefined;
  topic?: string | undefined;
  owner?: string | undefined;
  /** `YYYY-MM-DD`, the `reviewed` date. */
  today: string;
}

/** One value taken out, and where: the ticket field it was in. */
export type Redaction = PersonalDataFinding & { field: 'subject' | 'description' | 'resolution' | 'product' };

export interface Draft {
  slug: string;
  /** `articles/<lang>/<slug>.mdx`, relative to the content folder. */
  file: string;
  frontmatter: ArticleFrontmatterInput;
  text: string;
  redactions: Redaction[];
}

/** The slug: --slug, else the subject in ASCII kebab-case, else `ticket-<id>` (Chinese subjects). */
export function draftSlug(subject: string, ticketId: string, explicit?: string): string {
  if (explicit !== undefined) {
    if (!SLUG_PATTERN.test(explicit) || explicit.length > 100)
      throw new DraftError(`--slug: expected lowercase kebab-case such as "reset-password", got "${explicit}"`);
    return explicit;
  }
  const fromId = `ticket-${slugify(ticketId)}`;
  // Placeholders ([NAME_1]) say nothing about the problem; CJK would be dropped by slugify.
  const words = subject.replace(/\[[A-Z]+_\d+\]/g, ' ');
  if (/[\u0080-\uffff]/.test(words)) return fromId;
  let slug = slugify(words);
  // Cut long subjects at a word boundary.
  if (slug.length > 60) slug = slug.slice(0, 61).replace(/-[^-]*$/, '');
  return SLUG_PATTERN.test(slug) ? slug : fromId;
}

function chooseTopic(ticket: Ticket, topics: TopicTree, explicit: string | undefined): string {
  const valid = () => topics.topics.map((t) => `${'  '.repeat(t.depth)}${t.id}  (${t.name.en} / ${t.name['zh-CN']})`).join('\n');
  if (explicit !== undefined) {
    if (!topics.ids.has(explicit)) throw new DraftError(`--topic "${explicit}" is not in topics.yaml. Valid topics:\n${valid()}`);
    return explicit;
  }
  if (ticket.topic && topics.ids.has(ticket.topic)) return ticket.topic;
  const why = ticket.topic ? `the ticket's topic "${ticket.topic}" is not in topics.yaml` : 'the ticket has no topic';
  throw new DraftError(`Give --topic: ${why}. Valid topics:\n${valid()}`);
}

/** Builds the draft article of a ticket; throws DraftError when it cannot be made safely. */
export function buildDraft(ticket: Ticket, options: DraftOptions, topics: TopicTree): Draft {
  // An event-log export (ServiceNow's incident log) has times and categories but no words: a
  // skeleton made of to-dos would teach nothing, so say what is missing instead (issue 17).
  if (!ticket.description?.trim() && !ticket.resolution?.trim())
    throw new DraftError(
      `Ticket ${ticket.id} has no text to draft from: no description and no resolution${
        ticket.source === 'servicenow'
          ? ' (this ServiceNow export has no short_description or close_notes column; export them, or write the article by hand)'
          : " (write the article by hand, or add the customer's words to the ticket first)"
      }`,
    );
  const topic = chooseTopic(ticket, topics, options.topic);
  const owner = (options.owner ?? ticket.agent)?.trim();
  if (!owner) throw new DraftError('Give --owner: the ticket names no agent to keep the article current');

  // A name one field introduces ("Hi Anna," in the description) is redacted in every field.
  const names = [ticket.requester, ticket.agent, ...namesIn(ticket.subject, ticket.description, ticket.resolution, ticket.product)];
  const redactor = createRedactor({ names });
  const redactions: Redaction[] = [];
  const clean = (field: Redaction['field'], text: string | undefined) => {
    if (text === undefined) return undefined;
    const result = redactor.redact(text);
    redactions.push(...result.findings.map((f) => ({ ...f, field })));
    return result.text;
  };
  const subject = clean('subject', ticket.subject)!;
  const description = clean('description', ticket.description);
  const resolution = clean('resolution', ticket.resolution);
  const product = clean('product', ticket.product);

  const slug = draftSlug(subject, ticket.id, options.slug);
  const frontmatter: ArticleFrontmatterInput = {
    title: subject.slice(0, 200),
    summary: draftSummary(options.lang, resolution),
    type: options.type,
    topic,
    state: 'wip',
    translationKey: slug,
    owner: owner.slice(0, 100),
    reviewed: options.today,
    tickets: [options.ticketRef],
    ...(product ? { products: [product.slice(0, 80)] } : {}),
  };
  const parsed = articleSchemaFor(topics.ids).safeParse(frontmatter);
  if (!parsed.success) throw new DraftError(`The drafted frontmatter is not valid:\n  ${describeIssues(parsed.error).join('\n  ')}`);

  const environment = product ? (options.lang === 'zh-CN' ? `产品：${product}` : `Product: ${product}`) : undefined;
  const body = kcsBody(options.lang, { issue: description?.trim() ? description : subject, environment, resolution });
  // The second pass covers everything copied from the ticket. `owner` is not ticket text: the
  // schema asks who keeps the article current, and that is a staff member by name.
  const { owner: _owner, ...copied } = frontmatter;
  const leftover = findPersonalData(`${stringify(copied, { lineWidth: 0 })}\n${body}`, { names });
  if (leftover.length) {
    throw new DraftError(
      `Refusing to write: personal data is still present after redaction (${leftover.map((f) => f.kind).join(', ')}). Edit the ticket text or write the article by hand.`,
    );
  }
  return {
    slug,
    file: `articles/${options.lang}/${slug}.mdx`,
    frontmatter,
    text: `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${body.trim()}\n`,
    redactions,
  };
}
