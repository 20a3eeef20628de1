import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-enterprise-registry';

/** Every migration in order; one file per change. Names sort lexically. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-enterprise-registry': m0002,
};
