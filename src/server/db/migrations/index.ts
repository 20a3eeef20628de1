import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0005 from './0005-risk';

/** Every migration in order; one file per change. Names sort lexically. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0005-risk': m0005,
};
