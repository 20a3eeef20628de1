import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0004 from './0004-knowledge';

/** Every migration in order; one file per change. Names sort lexically. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0004-knowledge': m0004,
};
