/**
 * Every migration, in order. Listed statically (not read from a folder) so that bundling
 * or a different working directory cannot change which ones run. Names are numbered.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001_settings.ts';
import * as m0002 from './0002_analytics.ts';

export const migrations: Record<string, Migration> = {
  '0001_settings': m0001,
  '0002_analytics': m0002,
};
