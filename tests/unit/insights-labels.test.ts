/** Chart labels cut by display width (site/islands/insights/labels.ts): a CJK character counts double. */
import { describe, expect, it } from 'vitest';
import { displayWidth, ellipsize } from '../../site/islands/insights/labels.ts';

describe('displayWidth', () => {
  it('counts a Chinese character, a full-width form and a kana as two columns, Latin as one', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('安装')).toBe(4);
    expect(displayWidth('Ｗｉ')).toBe(4);
    expect(displayWidth('カナ')).toBe(4);
    expect(displayWidth('VPN 连接')).toBe(8);
  });
});

describe('ellipsize', () => {
  it('leaves a label that fits as it is', () => {
    expect(ellipsize('Reset your password', 32)).toBe('Reset your password');
    expect(ellipsize('如何重置密码', 12)).toBe('如何重置密码');
  });

  it('cuts a long Chinese title at half the characters of a Latin one, ending with an ellipsis', () => {
    const zh = '如何在公司电脑上安装客户端并完成首次登录和双重验证';
    const cut = ellipsize(zh, 32);
    expect(cut.endsWith('…')).toBe(true);
    expect(displayWidth(cut)).toBeLessThanOrEqual(32);
    // 15 characters (30 columns) and the ellipsis.
    expect(cut).toBe(`${zh.slice(0, 15)}…`);
    expect(zh.startsWith(cut.slice(0, -1))).toBe(true);

    const en = 'How to install the desktop client and finish the first sign-in';
    expect(ellipsize(en, 32)).toBe('How to install the desktop clie…');
    expect(displayWidth(ellipsize(en, 32))).toBe(32);
  });

  it('never splits a character outside the Basic Multilingual Plane, and trims a space before the ellipsis', () => {
    expect(ellipsize('𠀀𠀀𠀀𠀀', 5)).toBe('𠀀𠀀…');
    expect(ellipsize('abc defgh', 5)).toBe('abc…');
  });
});
