/**
 * The components MDX authors may use, passed to every article's <Content />. Articles
 * never import anything themselves (the content checker rejects import statements).
 */
import Callout from './Callout.astro';
import Steps from './Steps.astro';

export const mdxComponents = { Callout, Steps };
/** Names the content checker accepts as JSX tags. */
export const MDX_COMPONENT_NAMES = ['Callout', 'Steps'] as const;
