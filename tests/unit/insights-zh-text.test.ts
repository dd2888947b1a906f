/**
 * The Chinese dashboards are entirely in Chinese (issue 18): no internal names (snake_case,
 * camelCase, kebab-case ids, field paths) and no English words in the zh-CN interface strings,
 * the metric registry's Chinese titles and definitions. Acronyms (SLA, KCS, CSAT, CSV) and
 * product names written with a capital (Excel, Wilson) are how Chinese support teams write them.
 */
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../api/metrics/index.ts';
import { INSIGHTS_STRINGS } from '../../site/islands/insights/strings.ts';
import { asciiIdentifiers } from '../support/zh-text.ts';

describe('asciiIdentifiers', () => {
  it('finds internal names and English words, and lets acronyms, capitalised names and placeholders pass', () => {
    expect(asciiIdentifiers('至少 1 次 contact_view 和 knowledgeUsed')).toEqual(['contact_view', 'knowledgeUsed']);
    expect(asciiIdentifiers('按关联类型（created-from、solved-by）')).toEqual(['created-from', 'solved-by']);
    expect(asciiIdentifiers('计为“none”，见 docs/training.md')).toEqual(['none', 'docs/training.md']);
    expect(asciiIdentifiers('SLA 达成率、KCS 关联率、CSAT、下载 CSV、Wilson 下界、导入 Excel、{name} 已登录、7.4.2')).toEqual([]);
  });
});

describe('the zh-CN dashboard text', () => {
  it('has no internal names or English words in the interface strings', () => {
    const found = Object.entries(INSIGHTS_STRINGS['zh-CN']).flatMap(([key, text]) => asciiIdentifiers(text).map((w) => `${key}: ${w}`));
    expect(found).toEqual([]);
  });

  it('has none in the metric registry’s Chinese titles and definitions', () => {
    const found = METRICS.flatMap((m) =>
      [...asciiIdentifiers(m.title['zh-CN']), ...asciiIdentifiers(m.definition['zh-CN'])].map((w) => `${m.id}: ${w}`),
    );
    expect(found).toEqual([]);
  });
});
