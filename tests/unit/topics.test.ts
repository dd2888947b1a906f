import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { buildTopicTree, loadTopicTree, topicPath, topicWithDescendants, TopicTreeError } from '../../core/content/topics.ts';

const tree = [
  {
    id: 'accounts',
    name: { 'zh-CN': '账户', en: 'Accounts' },
    children: [{ id: 'accounts-sso', name: { 'zh-CN': '单点登录', en: 'SSO' } }],
  },
  { id: 'billing', name: { 'zh-CN': '账单', en: 'Billing' } },
];

describe('topic tree', () => {
  it('flattens the tree in order with parents and depths', () => {
    const t = buildTopicTree(tree);
    expect(t.topics.map((x) => [x.id, x.parent, x.depth])).toEqual([
      ['accounts', null, 0],
      ['accounts-sso', 'accounts', 1],
      ['billing', null, 0],
    ]);
  });

  it('gives the path from the root for breadcrumbs', () => {
    expect(topicPath(buildTopicTree(tree), 'accounts-sso').map((t) => t.id)).toEqual(['accounts', 'accounts-sso']);
  });

  it('lists a topic with everything below it', () => {
    expect(topicWithDescendants(buildTopicTree(tree), 'accounts')).toEqual(['accounts', 'accounts-sso']);
  });

  it('rejects a topic id used twice', () => {
    expect(() => buildTopicTree([...tree, { id: 'billing', name: { 'zh-CN': 'x', en: 'x' } }])).toThrow(/"billing" appears more than once/);
  });

  it('rejects a topic without an English name, naming where', () => {
    try {
      buildTopicTree([{ id: 'x', name: { 'zh-CN': '某' } }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TopicTreeError);
      expect((error as TopicTreeError).problems.join()).toMatch(/0\.name\.en/);
    }
  });

  it('loads the shipped taxonomy with names in both languages', () => {
    const t = loadTopicTree(resolve(import.meta.dirname, '../../content'));
    expect(t.topics.length).toBeGreaterThanOrEqual(9);
    for (const topic of t.topics) expect(topic.name.en && topic.name['zh-CN']).toBeTruthy();
  });

  it('reports a missing topics.yaml as such', () => {
    expect(() => loadTopicTree('/nonexistent')).toThrow(/missing/);
  });
});
