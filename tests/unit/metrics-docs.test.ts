/** docs/metrics.md is generated from the metric registry and must match it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMetricsDoc } from '../../scripts/lib/docs-metrics/render.ts';
import { METRICS } from '../../api/metrics/index.ts';

describe('docs/metrics.md', () => {
  it('is what npm run docs:metrics generates from the registry', () => {
    const file = readFileSync(new URL('../../docs/metrics.md', import.meta.url), 'utf8');
    // toBe would print the whole document; the message says how to fix it.
    expect(file === renderMetricsDoc(), 'docs/metrics.md is out of date with the metric registry: run `npm run docs:metrics`').toBe(true);
  });

  it('defines every metric in both languages, the Chinese one in Chinese', () => {
    // Han ideographs (CJK Unified Ideographs and Extension A).
    const cjk = /[\u3400-\u4dbf\u4e00-\u9fff]/;
    // 28 on main, and the two scorecards (api/metrics/scorecards.ts).
    expect(METRICS).toHaveLength(30);
    for (const m of METRICS) {
      expect(Object.keys(m.definition).sort(), m.id).toEqual(['en', 'zh-CN']);
      expect(m.definition.en.trim().length, `${m.id} en`).toBeGreaterThan(0);
      expect(m.definition['zh-CN'].trim().length, `${m.id} zh-CN`).toBeGreaterThan(0);
      expect(m.definition['zh-CN'], `${m.id} zh-CN`).toMatch(cjk);
      expect(m.definition.en, `${m.id} en`).not.toMatch(cjk);
    }
  });

  it('documents every metric with both titles, its formula and endpoint', () => {
    const doc = renderMetricsDoc();
    for (const m of METRICS) {
      expect(doc).toContain(`### ${m.title.en} / ${m.title['zh-CN']}`);
      expect(doc).toContain(`\`GET /api/metrics/${m.id}\``);
    }
  });

  it('gives each metric its English definition and the Chinese one under it', () => {
    const doc = renderMetricsDoc();
    for (const m of METRICS) expect(doc).toContain(`${m.definition.en}\n\n定义：${m.definition['zh-CN']}\n`);
  });

  it('escapes a pipe in a formula so the table keeps its columns', () => {
    const doc = renderMetricsDoc([{ ...METRICS[0]!, formula: 'a | b' }]);
    expect(doc).toContain('| Formula | a \\| b |');
  });
});
