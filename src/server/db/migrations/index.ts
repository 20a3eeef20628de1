import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0003 from './0003-dispute-cases';

/** Every migration in order; one file per change. Names sort lexically. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0003-dispute-cases': m0003,
};
