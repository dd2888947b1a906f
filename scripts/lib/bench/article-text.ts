/**
 * Writes the text of one synthetic article in one language: title, summary and a body of
 * headings, paragraphs, numbered steps, a code block and a list, 600–2,500 characters.
 */
import type { Lang } from '../../../core/content/article.ts';
import type { Random } from './random.ts';
import { ACTIONS, BUTTONS, EDITIONS, OBJECTS, PLACES, RISKS, ROLES, SYMPTOMS, type Term } from './vocabulary.ts';

/** Body length bounds, in characters (UTF-16 code units; CJK text is all in the BMP). */
export const BODY_MIN_CHARS = 600;
export const BODY_MAX_CHARS = 2500;

/** What a translation pair is about; both languages are written from the same subject. */
export interface ArticleSubject {
  type: 'faq' | 'manual' | 'solution' | 'training';
  object: Term;
  action: Term;
  symptom: Term;
  edition: Term;
}

/** The generated text of one article. */
export interface ArticleText {
  title: string;
  summary: string;
  body: string;
}

type Sentence = (r: Random, lang: Lang) => string;

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const w = (term: Term, lang: Lang): string => term[lang];

/** Picks from the vocabulary; each call is one draw from the article's own stream. */
const any = (r: Random, list: readonly Term[], lang: Lang): string => w(r.pick(list), lang);

/** Sentence templates. Each reads naturally in both languages; slots come from the vocabulary. */
const SENTENCES: readonly Sentence[] = [
  (r, l) =>
    l === 'en'
      ? `If ${any(r, SYMPTOMS, l)} in the ${any(r, PLACES, l)}, ${any(r, ACTIONS, l)} the ${any(r, OBJECTS, l)} first and try again.`
      : `如果在${any(r, PLACES, l)}中${any(r, SYMPTOMS, l)}，请先${any(r, ACTIONS, l)}${any(r, OBJECTS, l)}，然后重试。`,
  (r, l) =>
    l === 'en'
      ? `Before you ${any(r, ACTIONS, l)} the ${any(r, OBJECTS, l)}, back up the ${any(r, OBJECTS, l)} to avoid ${any(r, RISKS, l)}.`
      : `${any(r, ACTIONS, l)}${any(r, OBJECTS, l)}之前，建议先备份${any(r, OBJECTS, l)}，以免${any(r, RISKS, l)}。`,
  (r, l) =>
    l === 'en'
      ? `In the ${any(r, PLACES, l)}, system administrators can ${any(r, ACTIONS, l)} the ${any(r, OBJECTS, l)} for ${any(r, ROLES, l)}.`
      : `在${any(r, PLACES, l)}中，系统管理员可以为${any(r, ROLES, l)}${any(r, ACTIONS, l)}${any(r, OBJECTS, l)}。`,
  (r, l) =>
    l === 'en'
      ? `This usually takes ${r.int(2, 30)} minutes; the ${any(r, OBJECTS, l)} refreshes automatically when it is done.`
      : `此操作通常需要 ${r.int(2, 30)} 分钟，完成后${any(r, OBJECTS, l)}会自动刷新。`,
  (r, l) =>
    l === 'en'
      ? `If the problem persists, contact support and attach screenshots of the ${any(r, OBJECTS, l)} and the ${any(r, PLACES, l)}.`
      : `如问题仍未解决，请联系技术支持，并提供${any(r, OBJECTS, l)}和${any(r, PLACES, l)}的截图。`,
  (r, l) =>
    l === 'en'
      ? `The ${any(r, OBJECTS, l)} is valid for ${r.int(7, 365)} days, and we send a reminder by email before it expires.`
      : `${any(r, OBJECTS, l)}的有效期为 ${r.int(7, 365)} 天，到期前系统会通过邮件或短信提醒您。`,
  (r, l) =>
    l === 'en'
      ? `This feature is included in the ${any(r, EDITIONS, l)}; for the ${any(r, EDITIONS, l)}, contact sales to turn it on.`
      : `${any(r, EDITIONS, l)}已包含此功能，${any(r, EDITIONS, l)}需要联系销售开通。`,
  (r, l) =>
    l === 'en'
      ? `The audit log in the ${any(r, PLACES, l)} shows who changed the ${any(r, OBJECTS, l)} and when.`
      : `您可以在${any(r, PLACES, l)}的操作日志中查看谁在何时修改了${any(r, OBJECTS, l)}。`,
  (_r, l) =>
    l === 'en'
      ? 'After the change takes effect, clear the browser cache and sign in again to load the new settings.'
      : '修改生效后，请清除浏览器缓存并重新登录，以加载最新设置。',
  (r, l) =>
    l === 'en'
      ? `Data between the ${any(r, PLACES, l)} and the ${any(r, PLACES, l)} syncs every ${r.int(1, 60)} minutes.`
      : `${any(r, PLACES, l)}与${any(r, PLACES, l)}之间的数据每 ${r.int(1, 60)} 分钟同步一次。`,
];

const STEPS: readonly Sentence[] = [
  (r, l) =>
    l === 'en'
      ? `Open the ${any(r, PLACES, l)} and click **${any(r, BUTTONS, l)}**.`
      : `打开${any(r, PLACES, l)}，点击 **${any(r, BUTTONS, l)}**。`,
  (r, l) =>
    l === 'en'
      ? `Under ${capitalize(any(r, OBJECTS, l))}, select **${any(r, BUTTONS, l)}**.`
      : `在“${any(r, OBJECTS, l)}”区域中，选择 **${any(r, BUTTONS, l)}**。`,
  (r, l) =>
    l === 'en'
      ? `Follow the prompts to ${any(r, ACTIONS, l)} the ${any(r, OBJECTS, l)}, then click **${any(r, BUTTONS, l)}**.`
      : `按照页面提示${any(r, ACTIONS, l)}${any(r, OBJECTS, l)}，然后点击 **${any(r, BUTTONS, l)}**。`,
  (r, l) =>
    l === 'en'
      ? `Wait about ${r.int(1, 15)} minutes until the status shows **Completed**.`
      : `等待约 ${r.int(1, 15)} 分钟，确认状态变为“已完成”。`,
  (r, l) =>
    l === 'en'
      ? `Go back to the ${any(r, PLACES, l)} and check that the ${any(r, OBJECTS, l)} is updated.`
      : `返回${any(r, PLACES, l)}，检查${any(r, OBJECTS, l)}是否已更新。`,
];

const HEADINGS: Record<Lang, { steps: string; code: string; trouble: string; notes: string }> = {
  'zh-CN': { steps: '操作步骤', code: '命令行方式', trouble: '常见问题', notes: '注意事项' },
  en: { steps: 'Steps', code: 'From the command line', trouble: 'Troubleshooting', notes: 'Good to know' },
};

const slugOf = (term: Term): string =>
  term.en
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function paragraph(r: Random, lang: Lang, sentences = r.int(2, 4)): string {
  return Array.from({ length: sentences }, () => r.pick(SENTENCES)(r, lang)).join(lang === 'en' ? ' ' : '');
}

function codeBlock(r: Random, lang: Lang, subject: ArticleSubject): string {
  const object = slugOf(subject.object);
  const action = slugOf(subject.action);
  const comment =
    lang === 'en'
      ? `# ${capitalize(subject.action.en)} the ${subject.object.en}`
      : `# ${subject.action['zh-CN']}${subject.object['zh-CN']}`;
  switch (r.int(0, 2)) {
    case 0:
      return ['```bash', comment, `kbctl ${action} --target ${object} --timeout ${r.int(10, 120)}s`, '```'].join('\n');
    case 1:
      return [
        '```json',
        `{ "${object}": { "enabled": true, "retries": ${r.int(1, 5)}, "intervalSeconds": ${r.int(5, 600)} } }`,
        '```',
      ].join('\n');
    default:
      return [
        '```text',
        `ERROR [${object}] E${r.int(1000, 9999)}: ${action} failed after ${r.int(2, 90)}s (connection timed out)`,
        '```',
      ].join('\n');
  }
}

/** The title says the problem in the customer's words, as the style guide asks. */
function titleOf(subject: ArticleSubject, lang: Lang): string {
  const { object, action, symptom, edition } = subject;
  if (lang === 'en') {
    switch (subject.type) {
      case 'faq':
        return `How do I ${action.en} the ${object.en}?`;
      case 'manual':
        return `${capitalize(action.en)} the ${object.en}: a step-by-step guide`;
      case 'solution':
        return `When I ${action.en} the ${object.en}, ${symptom.en}`;
      case 'training':
        return `Training: getting started with the ${object.en} (${edition.en})`;
    }
  }
  const zh = (term: Term): string => term['zh-CN'];
  switch (subject.type) {
    case 'faq':
      return `如何${zh(action)}${zh(object)}？`;
    case 'manual':
      return `${zh(object)}${zh(action)}操作指南`;
    case 'solution':
      return `${zh(action)}${zh(object)}时${zh(symptom)}`;
    case 'training':
      return `培训：${zh(object)}入门（${zh(edition)}）`;
  }
}

function summaryOf(r: Random, subject: ArticleSubject, lang: Lang): string {
  const [place, first, second, minutes] = [any(r, PLACES, lang), any(r, BUTTONS, lang), any(r, BUTTONS, lang), r.int(2, 20)];
  return lang === 'en'
    ? `Open the ${place}, click ${first} and then ${second} to ${subject.action.en} the ${subject.object.en}; it takes about ${minutes} minutes.`
    : `在${place}中依次点击“${first}”和“${second}”即可${subject.action['zh-CN']}${subject.object['zh-CN']}，整个过程约需 ${minutes} 分钟。`;
}

/**
 * Writes one article. The body grows paragraph by paragraph until it reaches a length
 * drawn from [BODY_MIN_CHARS, BODY_MAX_CHARS - 300], so no single paragraph can overshoot
 * the maximum; a final check keeps the bound a guarantee rather than a likelihood.
 */
export function writeArticleText(r: Random, lang: Lang, subject: ArticleSubject): ArticleText {
  const h = HEADINGS[lang];
  const target = r.int(BODY_MIN_CHARS, BODY_MAX_CHARS - 300);
  const steps = Array.from({ length: r.int(3, 6) }, (_, i) => `${i + 1}. ${r.pick(STEPS)(r, lang)}`);
  const trouble = Array.from({ length: r.int(2, 4) }, () => `- ${r.pick(SENTENCES)(r, lang)}`);
  const blocks = [
    paragraph(r, lang),
    `## ${h.steps}`,
    steps.join('\n'),
    `## ${h.code}`,
    codeBlock(r, lang, subject),
    `## ${h.trouble}`,
    trouble.join('\n'),
    `## ${h.notes}`,
    paragraph(r, lang, 1),
  ];
  const length = (): number => blocks.join('\n\n').length;
  while (length() < target) blocks.push(paragraph(r, lang, r.int(1, 3)));
  while (length() > BODY_MAX_CHARS && blocks.length > 10) blocks.pop();
  return { title: titleOf(subject, lang), summary: summaryOf(r, subject, lang), body: `${blocks.join('\n\n')}\n` };
}
