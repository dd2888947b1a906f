import { describe, expect, it } from 'vitest';
import {
  createRedactor,
  findPersonalData,
  isLuhnValid,
  isResidentId,
  isResidentIdShaped,
  namesIn,
  redact,
  type PersonalDataKind,
} from '../../core/text/redact.ts';

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
  // Issue 17: what the ticket's people fields do not list, the words around a name give away.
  ['a resident ID with a bad checksum (a typo is still personal)', 'id', '身份证 110105194912310021', '身份证 [ID_1]'],
  ['a customer named after 客户', 'name', '客户张伟反馈无法登录', '客户[NAME_1]反馈无法登录'],
  ['a customer introducing themselves', 'name', '您好，我是王小明，我的账号被锁了', '您好，我是[NAME_1]，我的账号被锁了'],
  ['a cued name mentioned again without its cue', 'name', '联系人：李娜。李娜说密码错误', '联系人：[NAME_1]。[NAME_1]说密码错误'],
  ['a surname with a title', 'name', '张先生的电脑无法打印', '[NAME_1]的电脑无法打印'],
  ['a Chinese signature', 'name', '麻烦尽快处理。\n谢谢！\n刘洋', '麻烦尽快处理。\n谢谢！\n[NAME_1]'],
  ['a name after Contact:', 'name', 'Contact: John Smith (sales)', 'Contact: [NAME_1] (sales)'],
  ['a name in a greeting', 'name', 'Hi Anna,\nthe export fails.', 'Hi [NAME_1],\nthe export fails.'],
  ['a name after "my name is"', 'name', 'My name is Peter Novak, I cannot sign in.', 'My name is [NAME_1], I cannot sign in.'],
  ['a title and surname', 'name', 'Mr. Garcia called back', 'Mr. [NAME_1] called back'],
  ['an e-mail signature', 'name', 'It still fails.\n\nBest regards,\nMaria Rossi\n', 'It still fails.\n\nBest regards,\n[NAME_1]\n'],
  ['a signature after the -- delimiter', 'name', 'Thanks for the help.\n--\nTom Baker', 'Thanks for the help.\n--\n[NAME_1]'],
  ['a cued English name mentioned again', 'name', 'Hi Anna, ... Anna can test it', 'Hi [NAME_1], ... [NAME_1] can test it'],
  ['a Chinese street address', 'address', '寄到北京市海淀区中关村大街27号8楼', '寄到[ADDRESS_1]'],
  ['a Chinese address with a room number', 'address', '地址：上海市浦东新区世纪大道100号 2栋1203室，谢谢', '地址：[ADDRESS_1]，谢谢'],
  ['an English street address', 'address', 'ship it to 221B Baker Street, London', 'ship it to [ADDRESS_1], London'],
  ['an English address with a suite', 'address', 'office at 1600 Amphitheatre Parkway, Suite 200.', 'office at [ADDRESS_1].'],
  ['a compressed IPv6 address', 'ip', 'client 2408:8207:1234:5678::1 fails', 'client [IP_1] fails'],
  ['an IPv6 address in brackets with a port', 'ip', 'http://[2001:da8:8000:1::80]:443 down', 'http://[[IP_1]]:443 down'],
  ['an IPv4-mapped IPv6 address', 'ip', 'from ::ffff:10.1.2.3 today', 'from [IP_1] today'],
  ['an IPv6 address with a zone', 'ip', 'ping fe80::1%eth0 fails', 'ping [IP_1] fails'],
  ['an international number in brackets, keeping the bracket', 'phone', '(call +1 415 555 0132)', '(call [PHONE_1])'],
  ['an international number with a trunk prefix in brackets', 'phone', 'UK +44 (0)20 7946 0958', 'UK [PHONE_1]'],
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
  ['an 18-digit number that is no resident ID (no such birth date)', 'ref 110105194913310021'],
  ['an 18-digit order number', 'order 202611030457123456'],
  ['an invalid IPv4 address', 'host 999.1.1.1 or 256.0.0.1'],
  ['a documentation or loopback address', 'from 203.0.113.10 or 127.0.0.1 or ::1 or 2001:db8::1'],
  ['a MAC address', 'mac 00:1A:2B:3C:4D:5E'],
  ['C++ scope syntax', 'use std::vector'],
  ['a URL without secrets', 'https://x.cn/docs?page=2&sort=asc'],
  ['an address on a reserved domain', 'write to support@lumen-erp.example or a@example.com'],
  ['an image name with @2x', 'logo@2x.png'],
  ['a 400 service number', '400-820-6618'],
  ['a placeholder left by an earlier pass', '[EMAIL_1] [PHONE_2] [NAME_1]'],
  // Issue 17: what the name and address cues must not take.
  ['a product name and version after a greeting', 'Hi,\nLumen ERP 7.4.2 shows E-LIC-0042 since 2026-03-01.'],
  ['a greeting to a team', 'Hello Support Team,\nthe report is empty.'],
  ['thanks followed by text', 'Thanks, it works now.'],
  ['a product after "this is"', 'This is Windows Server 2019.'],
  ['客户端 and 用户名', '客户端提示用户名或密码错误'],
  ['a cue followed by a verb', '客户反馈打印失败，用户无法登录'],
  ['a product team signature', 'Regards,\nThe Lumen Team'],
  ['a house number without a street', '请到3号楼2层领取'],
  ['a version after a road word', '路由器固件 2.0.1 版本'],
  ['a numbered step', 'Step 3 Open Settings'],
  ['a date in Chinese', '2026年3月1日上午9点'],
  ['an error code with a port', 'ERR_CONNECTION_REFUSED on port 443'],
  ['a time range', '09:00-18:00'],
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

  it('collects the names every field introduces, for a redactor shared by the fields', () => {
    const names = namesIn('Printer offline', 'Hi Anna,\nit fails', undefined, '客户张伟反馈');
    expect(names).toEqual(['Anna', '张伟']);
    expect(createRedactor({ names }).redact('Anna and 张伟').text).toBe('[NAME_1] and [NAME_2]');
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
  it('treats an ID-shaped number as personal without its checksum, but not one with no birth date or province', () => {
    expect([
      isResidentIdShaped('110105194912310021'),
      isResidentIdShaped('110105199002301232'),
      isResidentIdShaped('990105194912310021'),
    ]).toEqual([true, false, false]);
  });

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
