import type { Db } from '../db';
import { indexMissing } from '../modules/contracts/lifecycle';

/** Builds the contract search index for the demo contracts (the contract job would catch up within the hour). */
export async function seedContractsSearchDemo(db: Db): Promise<void> {
  while ((await indexMissing(db, '2026-11-01T01:00:00.000Z', 500)) > 0);
}
