import { describe, expect, it } from 'vitest';
import { createRedactor, findPersonalData, isLuhnValid, isResidentId, redact, type PersonalDataKind } from '../../core/text/redact.ts';

// Each row: the text, and what it should become (positives) or stay (negatives).
const positives: Array<[string, PersonalDataKind, string, string]> = [
  ['an e-mail address', 'email', 'mail zhang.wei@corp-mail.cn today', 'mail [EMAIL_1] today'],
  ['an e-mail address in Chinese text', 'email', '请联系li_na+kb@qq.com处理', '请联系[EMAIL_1]处理'],
  ['a mainland mobile', 'phone', '电话13800138000', '电话[PHONE_1]'],
  ['a mobile with +86 and spaces', 'phone', 'call +86 138 0013 8000 now', 'call [PHONE_1] now'],
  ['a mobile with 86 and hyphens', 'phone', 'tel 86-139-1234-5678', 'tel [PHONE_1]'],
  ['a Beijing landline', 'phone', '座机 010-12345678', '座机 [PHONE_1]'],
  ['a Shenzhen landline with a 7-digit number', 'phone', 'tel 0755-1234567', 'tel [PHONE_1]'],
  ['a landline with the area code in brackets', 'phone', '(021) 6088 6618', '[PHONE_1]'],
  ['a US number', 'phone', 'US desk +1 415 555 0132.', 'US desk [PHONE_1].'],
  ['a UK number', 'phone', 'UK +44 20 7946 0958', 'UK [PHONE_1]'],
  ['a resident ID ending in X', 'id', '身份证号 11010519491231002X', '身份证号 [ID_1]'],
  ['a resident ID ending in a digit', 'id', 'ID 440304199001011233 on file', 'ID [ID_1] on file'],
  ['a card number in groups of four', 'card', '卡号 4111 1111 1111 1111', '卡号 [CARD_1]'],
  ['a card number with hyphens', 'card', 'card 4111-1111-1111-1111', 'card [CARD_1]'],
  ['a 19-digit UnionPay number', 'card', '6212262201234567891', '[CARD_1]'],
  ['an IPv4 address with a port', 'ip', 'server 10.20.30.40:8080 down', 'server [IP_1]:8080 down'],
  ['a private IPv4 address', 'ip', 'gateway 192.168.1.10.', 'gateway [IP_1].'],
  ['an IPv6 address', 'ip', 'from fe80::1ff:fe23:4567:890a', 'from [IP_1]'],
  ['a URL with a token', 'url', 'see https://x.cn/cb?token=abc123&x=1.', 'see [URL_1].'],
  ['a URL with an api_key', 'url', 'GET https://api.corp.cn/v1/items?api_key=s3cr3t', 'GET [URL_1]'],
  ['a URL with a signature', 'url', 'https://oss.cn/a.pdf?Expires=1&X-Amz-Signature=ab12', '[URL_1]'],
  ['a URL with user and password', 'url', 'https://admin:hunter2@db.corp.cn/', '[URL_1]'],
  ["the requester's full name", 'name', 'Li Wei reported it', '[NAME_1] reported it'],
  ["part of a requester's Latin name", 'name', 'Thanks, Wei!', 'Thanks, [NAME_1]!'],
  ['a Chinese name and its given name', 'name', '张小明说，小明好', '[NAME_1]说，[NAME_1]好'],
];

const negatives: Array<[string, string]> = [
  ['a version number', 'upgrade to 7.4.2 first'],
  ['a four-part version number', 'version 1.2.3.4 and v10.0.0.1 and build 2.3.4.5'],
  ['an error code', 'error E-LIC-0042 appears'],
  ['an order number like INC0031422', 'see INC0031422 and LMN-ORD-20261103-0457'],
  ['an ISO timestamp', 'at 2026-03-01T09:30:00Z'],
  ['a date and time', 'at 2026-03-01 09:30:00'],
  ['a time of day', 'at 12:30:45'],
  ['a port number', 'open port 8080 and 443'],
  ['a long number failing Luhn', 'ref 1234567812345678'],
  ['a 17-digit number', 'ref 12345678901234560'],
  ['an 18-digit number with a wrong checksum', '身份证 110105194912310021'],
  ['an invalid IPv4 address', 'host 999.1.1.1 or 256.0.0.1'],
  ['a documentation or loopback address', 'from 203.0.113.10 or 127.0.0.1 or ::1 or 2001:db8::1'],
  ['a MAC address', 'mac 00:1A:2B:3C:4D:5E'],
  ['C++ scope syntax', 'use std::vector'],
  ['a URL without secrets', 'https://x.cn/docs?page=2&sort=asc'],
  ['an address on a reserved domain', 'write to support@lumen-erp.example or a@example.com'],
  ['an image name with @2x', 'logo@2x.png'],
  ['a 400 service number', '400-820-6618'],
  ['a placeholder left by an earlier pass', '[EMAIL_1] [PHONE_2] [NAME_1]'],
];

const names = ['Li Wei', '张小明'];

describe('redact', () => {
  it.each(positives)('replaces %s', (_label, kind, text, expected) => {
    const result = redact(text, { names });
    expect(result.text).toBe(expected);
    expect(result.findings.map((f) => f.kind)).toContain(kind);
  });

  it.each(negatives)('leaves %s alone', (_label, text) => {
    expect(redact(text, { names })).toEqual({ text, findings: [] });
  });

  it('gives the same value the same placeholder', () => {
    expect(redact('a@corp.cn, b@corp.cn, A@corp.cn', {}).text).toBe('[EMAIL_1], [EMAIL_2], [EMAIL_1]');
  });

  it('gives one phone number one placeholder however it is written', () => {
    expect(redact('13800138000 / +86 138-0013-8000', {}).text).toBe('[PHONE_1] / [PHONE_1]');
  });

  it('reports the kind, placeholder and line of each finding but not the value', () => {
    const { findings } = redact('hello\nmail x@corp.cn\n\ncall 13800138000', {});
    expect(findings).toEqual([
      { kind: 'email', placeholder: '[EMAIL_1]', line: 2 },
      { kind: 'phone', placeholder: '[PHONE_1]', line: 4 },
    ]);
  });

  it('keeps placeholders across the texts of one redactor', () => {
    const redactor = createRedactor({ names: ['Li Wei'] });
    redactor.redact('from x@corp.cn');
    expect(redactor.redact('Li Wei, y@corp.cn, x@corp.cn').text).toBe('[NAME_1], [EMAIL_2], [EMAIL_1]');
  });

  it('skips empty and missing names', () => {
    expect(redact('the list is empty', { names: ['', undefined, null, ' '] }).findings).toEqual([]);
  });

  it('leaves allowed public values alone however they are written', () => {
    expect(findPersonalData('Hotline +86 21 6088 6618 or 021-6088-6618', { allow: ['+86 21 6088 6618'] })).toEqual([]);
  });

  it('finds nothing in its own output', () => {
    const { text } = redact(positives.map((p) => p[2]).join('\n'), { names });
    expect(findPersonalData(text, { names })).toEqual([]);
  });
});

describe('checks', () => {
  it('accepts a resident ID only with its checksum', () => {
    expect([isResidentId('11010519491231002X'), isResidentId('110105194912310021')]).toEqual([true, false]);
  });

  it('rejects a resident ID whose birth date does not exist', () => {
    // The check character is right for these digits, but 1990-02-30 is no birth date.
    expect(isResidentId('440304199002301232')).toBe(false);
  });

  it('accepts card numbers only when Luhn-valid', () => {
    expect([isLuhnValid('4111111111111111'), isLuhnValid('4111111111111112')]).toEqual([true, false]);
  });
});
