/**
 * What the importer keeps of the components found in Starlight / Astro docs pages. By
 * default a component is replaced by its children; the few listed here carry their
 * meaning in attributes (a version, a tab label, a link), so that text is kept as well.
 */
import type { PhrasingContent, RootContent } from 'mdast';
// remark-mdx's types add the JSX nodes to mdast's node maps.
import type {} from 'remark-mdx';
import type { Lang } from '../../../core/content/article.ts';

/** A JSX element in block or inline position. */
export type JsxElement = Extract<RootContent, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;

/** What a renderer may need besides the element. */
export interface ComponentContext {
  lang: Lang;
  /** Title of an imported page by its source path (`en/recipes/rss`), for RecipeLinks. */
  pageTitle: (sourcePath: string) => string | undefined;
}

type Renderer = (element: JsxElement, children: RootContent[], context: ComponentContext) => RootContent[];

const LABELS: Record<Lang, { since: string; recipes: string }> = {
  en: { since: 'Added in: ', recipes: 'Related recipes: ' },
  'zh-CN': { since: '添加于：', recipes: '相关操作指南：' },
};

/** A string attribute's value; expression attributes (`{…}`) give their source text. */
export function attribute(element: JsxElement, name: string): string | undefined {
  for (const attr of element.attributes) {
    if (attr.type !== 'mdxJsxAttribute' || attr.name !== name) continue;
    if (typeof attr.value === 'string') return attr.value;
    if (attr.value && typeof attr.value === 'object') return attr.value.value;
  }
  return undefined;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
const link = (url: string, children: PhrasingContent[]): PhrasingContent => ({ type: 'link', url, children });

/** Plain text of already converted nodes. */
export function plainText(nodes: readonly RootContent[]): string {
  return nodes
    .map((node) =>
      'value' in node && typeof node.value === 'string' && node.type !== 'code' && node.type !== 'html'
        ? node.value
        : 'children' in node
          ? plainText(node.children as RootContent[])
          : '',
    )
    .join('');
}

/** In block position phrasing results become their own paragraph, so cards never merge. */
function block(element: JsxElement, content: PhrasingContent[]): RootContent[] {
  return element.type === 'mdxJsxFlowElement' ? [{ type: 'paragraph', children: content }] : content;
}

/** A tab's label (TabItem `label`, or the `slot` of a package-manager Fragment) above its content. */
const labelled: Renderer = (element, children) => {
  const label = attribute(element, 'label') ?? attribute(element, 'slot');
  return label ? [{ type: 'paragraph', children: [{ type: 'strong', children: [text(label)] }] }, ...children] : children;
};

/** Renderers by component name; anything else is unwrapped to its children. */
const RENDERERS: Record<string, Renderer> = {
  TabItem: labelled,
  Fragment: labelled,
  Since: (element, _children, { lang }) => {
    const version = attribute(element, 'v');
    if (!version) return [];
    return block(element, [text(LABELS[lang].since), code(`${attribute(element, 'pkg') ?? 'astro'}@${version}`)]);
  },
  Version: (element) => block(element, [code(`${attribute(element, 'pkgName') ?? 'astro'}@latest`)]),
  // In parentheses, so a badge beside a link ("Official") does not read as part of the sentence.
  Badge: (element) => {
    const label = attribute(element, 'text');
    return label ? block(element, [text(`(${label})`)]) : [];
  },
  SourcePR: (element) => {
    const number = attribute(element, 'number');
    if (!number) return [];
    const title = attribute(element, 'title');
    return block(element, [link(`https://github.com/withastro/astro/pull/${number}`, [text(`PR #${number}${title ? `: ${title}` : ''}`)])]);
  },
  LinkCard: (element) => {
    const href = attribute(element, 'href');
    const title = attribute(element, 'title') ?? href ?? '';
    const description = attribute(element, 'description');
    const content = [href ? link(href, [text(title)]) : text(title)];
    if (description) content.push(text(` — ${description}`));
    return block(element, content);
  },
  LinkButton: (element, children) => {
    const href = attribute(element, 'href');
    const phrasing = children.flatMap((c) => (c.type === 'paragraph' ? c.children : [c])) as PhrasingContent[];
    return href ? block(element, [link(href, phrasing)]) : children;
  },
  RecipeLinks: (element, _children, context) => {
    let slugs: unknown;
    try {
      slugs = JSON.parse(attribute(element, 'slugs') ?? '[]');
    } catch {
      return [];
    }
    if (!Array.isArray(slugs) || slugs.length === 0) return [];
    const links = slugs
      .filter((slug): slug is string => typeof slug === 'string')
      .flatMap((slug, i) => [...(i ? [text(', ')] : []), link(`/${slug}/`, [text(context.pageTitle(slug) ?? slug)])]);
    return block(element, [text(LABELS[context.lang].recipes), ...links]);
  },
  kbd: (_element, children) => [code(plainText(children))],
  code: (_element, children) => [code(plainText(children))],
  summary: (element, children) =>
    block(element, [
      { type: 'strong', children: children.flatMap((c) => (c.type === 'paragraph' ? c.children : [c])) as PhrasingContent[] },
    ]),
  br: (element) => (element.type === 'mdxJsxTextElement' ? [{ type: 'break' }] : []),
};

/** Replaces a component by what readers should still see of it. */
export function renderComponent(element: JsxElement, children: RootContent[], context: ComponentContext): RootContent[] {
  const renderer = element.name ? RENDERERS[element.name] : undefined;
  return renderer ? renderer(element, children, context) : children;
}
