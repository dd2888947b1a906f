import { describe, expect, it } from 'vitest';
import { preferredLang, rememberedLang, siteLang } from '../../core/content/lang-choice.ts';

describe('the language / greets in', () => {
  it('maps language tags onto the site languages', () => {
    expect(['zh', 'zh-CN', 'zh-Hans-CN', 'ZH-tw'].map(siteLang)).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN']);
    expect(['en', 'en-GB', 'fr', '*', ''].map(siteLang)).toEqual(['en', 'en', null, null, null]);
  });
  it('takes the highest q-value a site language has, the first on a tie', () => {
    expect(preferredLang('fr-CH, fr;q=0.9, en;q=0.8, zh;q=0.7')).toBe('en');
    expect(preferredLang('en;q=0.5, zh-CN;q=0.9')).toBe('zh-CN');
    expect(preferredLang('zh-CN, en')).toBe('zh-CN');
    expect(preferredLang('en;q=0, fr')).toBeNull();
    expect(preferredLang(undefined)).toBeNull();
  });
  it('reads only a valid kb_lang cookie', () => {
    expect(rememberedLang('a=1; kb_lang=zh-CN')).toBe('zh-CN');
    expect(rememberedLang('kb_lang=de')).toBeNull();
    expect(rememberedLang(null)).toBeNull();
  });
});
