import type { Db } from '../db';
import type { DemoData } from './demo-data';

/** The demo enterprise account gets a mobile number so it can receive the one-time codes that confirm agreements. */
export const ENTERPRISE1_PHONE = '13800000002';

export async function seedPortalDemo(db: Db, _data: DemoData): Promise<void> {
  await db.updateTable('users').set({ phone: ENTERPRISE1_PHONE }).where('id', '=', 'usr-enterprise1').where('phone', 'is', null).execute();
}
