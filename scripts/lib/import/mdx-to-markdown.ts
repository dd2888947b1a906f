/**
 * Converts one foreign Markdown/MDX page (Starlight flavour) into plain Markdown our site
 * renders without an MDX compiler: imports and expressions dropped, components reduced to
 * their text, asides turned into blockquotes, code and links kept, links rewritten.
 */
import type { Blockquote, Code, Heading, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import type { Lang } from '../../../core/content/article.ts';
import { plainText, renderComponent, type ComponentContext } from './mdx-components.ts';
import type { LinkKind } from './mdx-links.ts';

/** What was dropped or changed in one page, for the import report. */
export interface ConversionReport {
  /** `import` statements dropped. */
  imports: number;
  /** `export` statements dropped. */
  exports: number;
  /** Components replaced by their text, by name. */
  components: Record<string, number>;
  /** `{…}` expressions dropped. */
  expressions: number;
  /** `{/* … *\/}` comments dropped. */
  comments: number;
  /** Links pointed at imported articles. */
  linksToArticles: number;
  /** Site-relative links made absolute links to the source site. */
  linksMadeAbsolute: number;
}

/** How to convert one page: its language, whether it is MDX, how to rewrite its links. */
export interface ConvertOptions extends ComponentContext {
  /** Parse as MDX (`.mdx`); plain Markdown keeps its raw HTML instead. */
  mdx: boolean;
  /** Rewrites one link URL of this page (see createLinkRewriter). */
  rewriteUrl: (url: string) => { url: string; kind: LinkKind };
}

/** One converted page. */
export interface Conversion {
  /** The source's own frontmatter (title, description…), parsed. */
  frontmatter: Record<string, unknown>;
  markdown: string;
  /** Plain text of the first non-empty paragraph, for the summary. */
  firstParagraph: string;
  report: ConversionReport;
}

const ASIDE_LABELS: Record<Lang, Record<string, string>> = {
  en: { note: 'Note', tip: 'Tip', caution: 'Caution', danger: 'Danger' },
  'zh-CN': { note: '注意', tip: '提示', caution: '警告', danger: '危险' },
};

const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell']);
/** Containers whose content is one line of text: its edges can be trimmed. */
const LINE_PARENTS = new Set(['paragraph', 'heading', 'tableCell']);
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);
const PHRASING = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'break',
  'link',
  'image',
  'linkReference',
  'imageReference',
  'footnoteReference',
]);

const STRINGIFY: StringifyOptions = { bullet: '-', emphasis: '*', strong: '*', fence: '`', fences: true, rule: '-', listItemIndent: 'one' };

/** A report with nothing dropped yet. */
export function emptyReport(): ConversionReport {
  return { imports: 0, exports: 0, components: {}, expressions: 0, comments: 0, linksToArticles: 0, linksMadeAbsolute: 0 };
}

/**
 * Makes unwrapped children fit where they land: inline content in a block container is
 * gathered into paragraphs, blocks inside inline containers give up their inline content.
 */
function fit(parentType: string, nodes: RootContent[]): RootContent[] {
  if (PHRASING_PARENTS.has(parentType)) {
    const phrasing = nodes.flatMap((node) =>
      PHRASING.has(node.type) || node.type === 'html' ? [node] : node.type === 'paragraph' || node.type === 'heading' ? node.children : [],
    );
    return LINE_PARENTS.has(parentType) ? tidyLine(phrasing as PhrasingContent[]) : phrasing;
  }
  if (!FLOW_PARENTS.has(parentType)) return nodes;
  const out: RootContent[] = [];
  let run: PhrasingContent[] = [];
  const flush = () => {
    if (run.some((node) => node.type !== 'text' || node.value.trim() !== '')) out.push({ type: 'paragraph', children: run });
    run = [];
  };
  for (const node of nodes) {
    // A paragraph whose only content was a dropped component or expression has nothing left to show.
    if (node.type === 'paragraph' && node.children.length === 0) continue;
    if (PHRASING.has(node.type)) run.push(node as PhrasingContent);
    else {
      flush();
      out.push(node);
    }
  }
  flush();
  return out;
}

/**
 * Removed components leave whitespace and `<br/>`s at the edges of a paragraph, which
 * Markdown can only write as character references (`&#x20;`); they carry no meaning there.
 */
function tidyLine(nodes: PhrasingContent[]): PhrasingContent[] {
  const merged: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = merged.at(-1);
    if (node.type === 'text' && last?.type === 'text') merged[merged.length - 1] = { type: 'text', value: last.value + node.value };
    else merged.push(node);
  }
  const out = merged.map((node, i) => {
    if (node.type !== 'text') return node;
    const before = merged[i - 1];
    const after = merged[i + 1];
    let value = node.value;
    if (!before || before.type === 'break') value = value.trimStart();
    if (!after || after.type === 'break') value = value.trimEnd();
    return { ...node, value };
  });
  const kept = out.filter((node) => node.type !== 'text' || node.value !== '');
  while (kept[0]?.type === 'break') kept.shift();
  while (kept.at(-1)?.type === 'break') kept.pop();
  return kept;
}

/** An aside (`:::tip[Title]`) as a blockquote whose first paragraph is its bold label. */
function asideToBlockquote(name: string, children: RootContent[], lang: Lang): Blockquote {
  const [first, ...rest] = children;
  const titled = first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel;
  const label: PhrasingContent[] = titled ? first.children : [{ type: 'text', value: ASIDE_LABELS[lang][name] ?? name }];
  const heading: Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: label }] };
  return { type: 'blockquote', children: [heading, ...((titled ? rest : children) as Blockquote['children'])] };
}

/** A code block's `title="file.js"` becomes a line above it: plain Markdown renderers ignore the meta string. */
function codeWithTitle(node: Code): RootContent[] {
  const match = /(?:^|\s)title=(["'])(.*?)\1/.exec(node.meta ?? '');
  if (!match) return [node];
  const meta = (node.meta ?? '').replace(match[0], '').trim();
  const code: Code = { ...node, meta: meta || null };
  return [{ type: 'paragraph', children: [{ type: 'inlineCode', value: match[2] ?? '' }] }, code];
}

/** Converts one page. Throws when the source does not parse (the caller reports the file). */
export function convertMdx(source: string, options: ConvertOptions): Conversion {
  const parser = unified().use(remarkParse);
  if (options.mdx) parser.use(remarkMdx);
  parser.use(remarkFrontmatter).use(remarkGfm).use(remarkDirective);
  const tree = parser.parse(source) as Root;
  const report = emptyReport();
  let frontmatter: Record<string, unknown> = {};

  const transform = (node: RootContent): RootContent[] => {
    if (node.type === 'paragraph' && node.children.length === 1) {
      // `<h3>Title</h3>` on its own line is a heading written in HTML.
      const only = node.children[0];
      const depth = only?.type === 'mdxJsxTextElement' ? /^h([1-6])$/.exec(only.name ?? '')?.[1] : undefined;
      if (only?.type === 'mdxJsxTextElement' && depth) {
        report.components[only.name!] = (report.components[only.name!] ?? 0) + 1;
        return transform({ type: 'heading', depth: Number(depth) as Heading['depth'], children: only.children });
      }
    }
    if ('children' in node) transformChildren(node);
    switch (node.type) {
      case 'yaml': {
        const data: unknown = parseYaml(node.value);
        if (data && typeof data === 'object') frontmatter = data as Record<string, unknown>;
        return [];
      }
      case 'mdxjsEsm':
        report.imports += node.value.match(/^\s*import\b/gm)?.length ?? 0;
        report.exports += node.value.match(/^\s*export\b/gm)?.length ?? 0;
        return [];
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value)) report.comments += 1;
        else report.expressions += 1;
        return [];
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? 'Fragment';
        report.components[name] = (report.components[name] ?? 0) + 1;
        return renderComponent(node, node.children as RootContent[], options);
      }
      case 'containerDirective':
        if (node.name in ASIDE_LABELS.en) return [asideToBlockquote(node.name, node.children, options.lang)];
        return node.children;
      case 'leafDirective':
      case 'textDirective': {
        // `JSON:API` or `10:30` in prose parse as directives; give back the text as written.
        const { start, end } = node.position ?? {};
        const value = start?.offset !== undefined && end?.offset !== undefined ? source.slice(start.offset, end.offset) : `:${node.name}`;
        return node.type === 'leafDirective' ? [{ type: 'paragraph', children: [{ type: 'text', value }] }] : [{ type: 'text', value }];
      }
      case 'code':
        return codeWithTitle(node);
      default:
        return [node];
    }
  };
  const transformChildren = (parent: Parent) => {
    parent.children = fit(parent.type, (parent.children as RootContent[]).flatMap(transform)) as Parent['children'];
  };
  transformChildren(tree);

  visit(tree, ['link', 'image', 'definition'], (node) => {
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
    const { url, kind } = options.rewriteUrl(node.url);
    node.url = url;
    if (kind === 'article') report.linksToArticles += 1;
    if (kind === 'absolute') report.linksMadeAbsolute += 1;
  });

  let firstParagraph = '';
  visit(tree, 'paragraph', (node) => {
    // A lone bold or code span is a label we added (aside, tab, file name), not prose.
    const [only] = node.children;
    if (node.children.length === 1 && (only?.type === 'strong' || only?.type === 'inlineCode')) return undefined;
    firstParagraph = plainText(node.children).trim();
    return firstParagraph ? false : undefined;
  });
  const markdown = unified().use(remarkGfm).use(remarkStringify, STRINGIFY).stringify(tree);
  return { frontmatter, markdown, firstParagraph, report };
}
