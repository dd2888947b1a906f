/**
 * The components MDX authors may use. The article page passes exactly these to every
 * article's <Content />; articles never import anything themselves (the content checker
 * rejects import statements and any other JSX tag).
 */
export const MDX_COMPONENT_NAMES = ['Callout', 'Steps'] as const;
