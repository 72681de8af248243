import type { Migration } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_calendar_feeds.js';
import * as m0003 from './0003_data_version.js';
import * as m0004 from './0004_accounts.js';
import * as m0005 from './0005_email_verification.js';

/**
 * Every migration, in order. Imported rather than read from a folder at run
 * time, so the list is the same from source, from dist and in a bundle.
 * Add new ones at the end; never edit one that has shipped.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_calendar_feeds': m0002,
  '0003_data_version': m0003,
  '0004_accounts': m0004,
  '0005_email_verification': m0005,
};
