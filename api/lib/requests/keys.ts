/**
 * The customer's key of a web request (docs/design.md §7): 192 random bits in the private
 * link, stored only as a SHA-256 hash and compared in constant time. A wrong key and an
 * unknown reference are answered alike (404), so a key reveals nothing about other requests.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { insertRequestKey, requestKeyHashes } from '../../db/queries/requests.ts';
import type { Lang } from '../../../core/content/article.ts';

type Executor = Kysely<Database> | Transaction<Database>;

const hashKey = (key: string) => createHash('sha256').update(key).digest();

/** A new key for `ticketId`, stored hashed; returns the key, to put in one link. */
export async function issueRequestKey(db: Executor, ticketId: string, at: Date): Promise<string> {
  const key = randomBytes(24).toString('base64url');
  await insertRequestKey(db, ticketId, hashKey(key).toString('hex'), at);
  return key;
}

/** Whether `key` is one of the request's keys. */
export async function requestKeyMatches(db: Executor, ticketId: string, key: string): Promise<boolean> {
  const given = hashKey(key);
  let match = false;
  // Every stored hash is compared (no early exit), each in constant time.
  for (const stored of await requestKeyHashes(db, ticketId)) {
    const bytes = Buffer.from(stored, 'hex');
    if (bytes.length === given.length && timingSafeEqual(bytes, given)) match = true;
  }
  return match;
}

/** The request's private page, relative: /<lang>/requests/<ref>/?k=<key>. */
export const requestPageUrl = (lang: Lang, ref: string, key: string) => `/${lang}/requests/${encodeURIComponent(ref)}/?k=${key}`;
