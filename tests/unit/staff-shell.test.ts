import { describe, expect, it } from 'vitest';
import { safeNext, signInUrl } from '../../site/islands/staff/session.ts';
import { roleName, STAFF_STRINGS, staffTr } from '../../site/islands/staff/strings.ts';
import { translator } from '../../site/islands/staff/ui-lang.ts';

describe('safeNext', () => {
  it('keeps a path on this site', () => {
    expect(safeNext('/staff/requests/?status=open#top')).toBe('/staff/requests/?status=open#top');
    expect(safeNext('/insights/training/')).toBe('/insights/training/');
  });

  it('refuses anything that leaves the site, and the sign-in page itself', () => {
    for (const next of [
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
      '',
      null,
      '/staff/sign-in/?next=/x',
    ])
      expect(safeNext(next)).toBe('/staff/');
  });

  it('builds the sign-in address with the way back encoded', () => {
    expect(signInUrl('/staff/requests/?a=1&b=2')).toBe('/staff/sign-in/?next=%2Fstaff%2Frequests%2F%3Fa%3D1%26b%3D2');
  });
});

describe('staff strings', () => {
  it('have every key in both languages, and name every role', () => {
    expect(Object.keys(STAFF_STRINGS['zh-CN']).sort()).toEqual(Object.keys(STAFF_STRINGS.en).sort());
    expect(roleName('zh-CN', 'lead')).toBe('组长');
    expect(staffTr('en', 'session.signedInAs', { name: 'Li Wei' })).toBe('Signed in as Li Wei');
  });

  it("look a page's own strings up before the shell's", () => {
    const page = { en: { 'nav.requests': 'Inbox', 'inbox.empty': 'Nothing to do' }, 'zh-CN': { 'inbox.empty': '没有待办' } };
    expect(translator('en', [page])('nav.requests')).toBe('Inbox');
    expect(translator('zh-CN', [page])('nav.requests')).toBe('工单');
    expect(translator('zh-CN', [page])('inbox.empty')).toBe('没有待办');
    expect(translator('en', [page])('unknown.key')).toBeUndefined();
  });
});
