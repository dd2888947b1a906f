/**
 * Personal data in support text: finds it and replaces it with numbered placeholders
 * (`[EMAIL_1]`, `[PHONE_2]`…; one value keeps one placeholder). The ticket-to-article script
 * redacts every text it copies from a ticket, and the content checker reports what is left
 * in articles, so both agree on what counts.
 *
 * Each detector is a loose pattern followed by a strict check (resident-ID checksum, Luhn,
 * octet ranges), because false positives on version numbers, error codes and order numbers
 * would make agents ignore the checker. Reserved example values (RFC 2606 domains, RFC 5737 /
 * RFC 3849 documentation addresses, loopback) identify nobody and are left alone.
 */
import { isIPv6 } from 'node:net';
import { cuedNames, findAddresses } from './redact-names.ts';

export const PERSONAL_DATA_KINDS = ['url', 'email', 'id', 'phone', 'card', 'ip', 'address', 'name'] as const;
/** What a finding is; the order above is the priority when two matches overlap. */
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** One redacted value: never the value itself, so findings can be printed and logged. */
export interface PersonalDataFinding {
  kind: PersonalDataKind;
  placeholder: string;
  /** 1-based line of the value in the text it was found in. */
  line: number;
}

export interface RedactOptions {
  /** Names of the people on the ticket (requester, agent); empty or missing ones are skipped. */
  names?: ReadonlyArray<string | null | undefined>;
  /** Values that are public on purpose (the organisation's own hotline); compared normalised. */
  allow?: readonly string[];
}

interface Match {
  kind: PersonalDataKind;
  start: number;
  end: number;
  /** The normalised value: equal values share a placeholder. */
  key: string;
}

const LABEL: Record<PersonalDataKind, string> = {
  url: 'URL',
  email: 'EMAIL',
  id: 'ID',
  phone: 'PHONE',
  card: 'CARD',
  ip: 'IP',
  address: 'ADDRESS',
  name: 'NAME',
};
const digits = (s: string) => s.replace(/\D/g, '');

// --- strict checks -----------------------------------------------------------------------

/** GB 11643-1999: weighted sum mod 11 picks the check character; the birth date must exist. */
export function isResidentId(value: string): boolean {
  const id = value.toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  if ('10X98765432'[sum % 11] !== id[17]) return false;
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number) as [number, number, number];
  const birth = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && birth.getUTCFullYear() === y && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d;
}

// Province codes of GB/T 2260 (the first two digits of a resident ID).
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
  83, 91,
]);

/**
 * Shaped like a resident ID: a province code, a birth date that exists, 18 characters. The
 * checksum is not required: a typo in a real ID is still someone's ID (issue 17).
 */
export function isResidentIdShaped(value: string): boolean {
  const id = value.toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(id) || !PROVINCES.has(Number(id.slice(0, 2)))) return false;
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number) as [number, number, number];
  const birth = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2100 && birth.getUTCFullYear() === y && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d;
}

/** The Luhn check every payment card number passes (ISO/IEC 7812). */
export function isLuhnValid(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let n = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  }
  return number.length > 0 && sum % 10 === 0;
}

const RESERVED_EMAIL_DOMAIN = /(?:^|\.)(?:example\.(?:com|net|org)|[^.]+\.(?:example|test|invalid|localhost))$/i;
const FILE_TLD = /\.(?:png|jpe?g|gif|svg|webp|avif)$/i;

/** Loopback, unspecified, broadcast, netmasks and the RFC 5737 documentation ranges. */
function isReservedIpv4(ip: string): boolean {
  const o = ip.split('.').map(Number) as [number, number, number, number];
  if (o[0] === 127 || o[0] === 0 || o[0] === 255) return true;
  const doc = `${o[0]}.${o[1]}.${o[2]}`;
  return doc === '192.0.2' || doc === '198.51.100' || doc === '203.0.113';
}

const VERSION_BEFORE = /(?:\b(?:version|ver\.?|release|build|v)|版本号?)\s*[:：]?\s*$/i;
const SECRET_PARAM_PARTS = new Set([
  'token',
  'key',
  'apikey',
  'secret',
  'signature',
  'sig',
  'password',
  'passwd',
  'pwd',
  'auth',
  'authorization',
  'session',
  'sessionid',
  'sid',
  'credential',
  'credentials',
]);

/** Whether a URL carries a secret: a credential-like query or fragment parameter, or user:password@. */
function urlCarriesSecret(url: string): boolean {
  if (/^[a-z]+:\/\/[^/@\s]+:[^/@\s]+@/i.test(url)) return true;
  const params = url.split(/[?#]/).slice(1).join('&');
  return params.split('&').some((pair) => {
    const [name = '', value = ''] = pair.split('=');
    const parts = name.toLowerCase().split(/[-_.]/);
    return value.length > 0 && (parts.some((p) => SECRET_PARAM_PARTS.has(p)) || SECRET_PARAM_PARTS.has(parts.join('')));
  });
}

// --- detectors ---------------------------------------------------------------------------

type Detector = (text: string) => Match[];

function scan(text: string, pattern: RegExp, kind: PersonalDataKind, accept: (value: string, start: number) => string | null): Match[] {
  const found: Match[] = [];
  for (const m of text.matchAll(pattern)) {
    const key = accept(m[0], m.index);
    if (key !== null) found.push({ kind, start: m.index, end: m.index + m[0].length, key });
  }
  return found;
}

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';

const DETECTORS: Detector[] = [
  (t) => scan(t, /\bhttps?:\/\/[A-Za-z0-9\-._~:/?#@!$&*+,;=%]*[A-Za-z0-9\-_~/#@$&*+=%]/gi, 'url', (v) => (urlCarriesSecret(v) ? v : null)),
  (t) =>
    scan(t, /(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g, 'email', (v) => {
      const domain = v.slice(v.indexOf('@') + 1);
      return RESERVED_EMAIL_DOMAIN.test(domain) || FILE_TLD.test(domain) ? null : v.toLowerCase();
    }),
  (t) => scan(t, /(?<![\w-])\d{17}[\dXx](?![\w-])/g, 'id', (v) => (isResidentIdShaped(v) ? v.toUpperCase() : null)),
  // Mainland mobiles, with or without +86 / 0086 / 86 and 3-4-4 separators.
  (t) => scan(t, /(?<![\w+])(?:(?:\+|00)?86[ -]?|\(\+?86\)\s?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![\w-])/g, 'phone', (v) => digits(v).slice(-11)),
  // Landlines: area code (010, 02x, 0xxx) with a separator or in brackets, then 7–8 digits.
  (t) =>
    scan(
      t,
      /(?<![\w+-])(?:\((?:010|02\d|0[3-9]\d{2})\)\s?|(?:010|02\d|0[3-9]\d{2})[ -])(?:\d{7,8}|\d{3,4}[ -]\d{4})(?![\w-])/g,
      'phone',
      (v) => digits(v),
    ),
  // International numbers start with +; E.164 allows at most 15 digits. A group in brackets
  // must close itself, so "(call +1 415 555 0132)" keeps its closing bracket.
  (t) =>
    scan(t, /(?<![\w+])\+[1-9]\d{0,2}(?:[ -]?(?:\(\d{1,4}\)|\d{1,4})){1,5}(?![\w-])/g, 'phone', (v) => {
      const d = digits(v);
      if (d.length < 8 || d.length > 15) return null;
      // +86 numbers keyed in national form, so they share a placeholder with 0xx-… and 1xx… writings.
      return d.startsWith('86') ? (/^861[3-9]/.test(d) ? d.slice(2) : `0${d.slice(2)}`) : d;
    }),
  // Card numbers: 13–19 digits together, or in groups (4-4-4-4, 4-6-5…), Luhn-valid only.
  (t) =>
    scan(t, /(?<![\w.+-])(?:\d{13,19}|\d{4}(?:[ -]\d{2,6}){2,4})(?![\w]|[.-]\d)/g, 'card', (v) => {
      const d = digits(v);
      return d.length >= 13 && d.length <= 19 && isLuhnValid(d) ? d : null;
    }),
  (t) =>
    scan(t, new RegExp(`(?<![\\w.])(?:${OCTET}\\.){3}${OCTET}(?!\\w|\\.\\d)`, 'g'), 'ip', (v, start) =>
      isReservedIpv4(v) || VERSION_BEFORE.test(t.slice(Math.max(0, start - 12), start)) ? null : v,
    ),
  (t) =>
    scan(
      t,
      new RegExp(`(?<![\\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:${OCTET}\\.){3}${OCTET}|[0-9A-Fa-f]{0,4})(?:%[\\w.]{1,15})?(?![\\w:])`, 'g'),
      'ip',
      (v) => {
        // A zone (fe80::1%eth0) belongs to the address; IPv4-mapped forms (::ffff:10.1.2.3) too.
        const ip = v.toLowerCase().replace(/%.*$/, '');
        const groups = ip.split(':').filter(Boolean);
        if (!isIPv6(ip) || groups.length < 2 || !/\d/.test(ip) || ip.startsWith('2001:db8:') || ip === '::1') return null;
        return ip;
      },
    ),
  (t) =>
    findAddresses(t).map(({ start, end }) => ({ kind: 'address' as const, start, end, key: t.slice(start, end).replace(/\s+/g, ' ') })),
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Full names (case-insensitive), Latin name parts of 3+ letters, the given name of a 3-character Chinese name. */
function nameDetector(names: readonly string[]): Detector {
  const patterns: Array<{ re: RegExp; key: string }> = [];
  for (const name of names) {
    const key = `name:${name.toLowerCase()}`;
    if (/[\u4e00-\u9fff]/.test(name)) {
      patterns.push({ re: new RegExp(escapeRegExp(name), 'g'), key });
      // "张先生" is a surname and a title: the title alone is nobody's given name.
      if (name.length === 3 && !/(?:先生|女士|小姐)$/.test(name)) patterns.push({ re: new RegExp(escapeRegExp(name.slice(1)), 'g'), key });
      continue;
    }
    patterns.push({ re: new RegExp(`(?<![\\w@.])${escapeRegExp(name)}(?![\\w@])`, 'gi'), key });
    const parts = name.split(/\s+/);
    if (parts.length > 1)
      for (const part of parts.filter((p) => p.length >= 3))
        patterns.push({ re: new RegExp(`(?<![\\w@.])${escapeRegExp(part)}(?![\\w@])`, 'g'), key });
  }
  return (t) => patterns.flatMap(({ re, key }) => scan(t, re, 'name', () => key));
}

/** Every match, overlaps resolved by kind priority then length, in text order. */
function detect(text: string, options: RedactOptions): Match[] {
  // The ticket's people, and whoever the text itself introduces ("客户张伟", "Hi Anna,").
  const names = [...(options.names ?? []), ...cuedNames(text)].map((n) => n?.trim() ?? '').filter((n) => n.length >= 2 && !n.includes('@'));
  // Allowed values go through the same detectors, so any way of writing them matches.
  const allowed = new Set((options.allow ?? []).flatMap((v) => detect(v, {}).map((m) => `${m.kind}:${m.key}`)));
  const candidates = [...DETECTORS, nameDetector(names)]
    .flatMap((d) => d(text))
    .filter((m) => !allowed.has(`${m.kind}:${m.key}`))
    .sort((a, b) => PERSONAL_DATA_KINDS.indexOf(a.kind) - PERSONAL_DATA_KINDS.indexOf(b.kind) || b.end - b.start - (a.end - a.start));
  const chosen: Match[] = [];
  for (const m of candidates) if (!chosen.some((c) => m.start < c.end && c.start < m.end)) chosen.push(m);
  return chosen.sort((a, b) => a.start - b.start);
}

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** A redactor that keeps one placeholder per value across every text it is given (one ticket's fields). */
export function createRedactor(options: RedactOptions = {}) {
  const placeholders = new Map<string, string>();
  const counts = new Map<PersonalDataKind, number>();
  const placeholderOf = (m: Match) => {
    const key = `${m.kind}\u0000${m.key}`;
    let p = placeholders.get(key);
    if (!p) {
      const n = (counts.get(m.kind) ?? 0) + 1;
      counts.set(m.kind, n);
      p = `[${LABEL[m.kind]}_${n}]`;
      placeholders.set(key, p);
    }
    return p;
  };
  return {
    /** Replaces personal data in `text`; findings name kind, placeholder and line, never the value. */
    redact(text: string): { text: string; findings: PersonalDataFinding[] } {
      const matches = detect(text, options);
      const findings: PersonalDataFinding[] = [];
      let out = '';
      let at = 0;
      for (const m of matches) {
        const placeholder = placeholderOf(m);
        findings.push({ kind: m.kind, placeholder, line: lineAt(text, m.start) });
        out += text.slice(at, m.start) + placeholder;
        at = m.end;
      }
      return { text: out + text.slice(at), findings };
    },
  };
}

/** The names each text introduces by a cue, for a redactor shared by several texts (a ticket's fields). */
export function namesIn(...texts: ReadonlyArray<string | null | undefined>): string[] {
  return [...new Set(texts.flatMap((t) => (t ? cuedNames(t) : [])))];
}

/** Redacts one text: `redact(text, { names: [requester, agent] })`. */
export function redact(text: string, options: RedactOptions = {}): { text: string; findings: PersonalDataFinding[] } {
  return createRedactor(options).redact(text);
}

/** What personal data a text still holds (the checker's view): kinds and lines, no values. */
export function findPersonalData(text: string, options: RedactOptions = {}): PersonalDataFinding[] {
  return redact(text, options).findings;
}
