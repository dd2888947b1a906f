/** The definition a dashboard panel shows: the interface language's, else English, then the (English) formula. */
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../api/metrics/index.ts';
import { definitionIn } from '../../site/islands/insights/definition.ts';

const info = {
  definition: {
    'zh-CN': '帮助中心搜索中没有返回任何结果的搜索所占的比例。',
    en: 'Share of help-center searches that returned no results.',
  },
};

describe('definitionIn', () => {
  it('shows the definition in the interface language; the English formula is a second line, folded away in Chinese', () => {
    expect(definitionIn(info, 'zh-CN')).toEqual({
      lang: 'zh-CN',
      text: info.definition['zh-CN'],
      formulaLabel: '公式（英文字段名）',
      formulaFolded: true,
    });
    expect(definitionIn(info, 'en')).toEqual({ lang: 'en', text: info.definition.en, formulaLabel: 'Formula: ', formulaFolded: false });
  });

  it('falls back to English when the interface language has no definition', () => {
    // Empty, blank and missing Chinese all fall back, and the element is then marked English.
    for (const zh of ['', '   ', undefined]) {
      const shown = definitionIn({ definition: { en: 'English only.', 'zh-CN': zh as string } }, 'zh-CN');
      expect(shown).toMatchObject({ lang: 'en', text: 'English only.' });
    }
  });

  it('shows every registry metric in Chinese under ?ui=zh-CN', () => {
    for (const m of METRICS) expect(definitionIn(m, 'zh-CN'), m.id).toMatchObject({ lang: 'zh-CN', text: m.definition['zh-CN'] });
  });
});
