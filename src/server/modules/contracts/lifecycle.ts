import { sql } from 'kysely';
import { addDays } from '../../../domain/contracts/dates';
import { renewalReminder, renewalWindowOpens, type ContractReminderKind } from '../../../domain/contracts/deadlines';
import { CONTRACT_KIND_LABELS, type ContractKind } from '../../../domain/contracts/types';
import type { AppContext } from '../../context';
import type { Db } from '../../db';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { insertAudit } from '../audit/repo';
import { inForce, insertEvent } from './repo';
import { indexContract, unindexedContracts } from './search';
import { settleLapsed } from './workflow';

const SYSTEM = { actorId: null, actorName: '系统' } as const;
/** 'expired' reminders only for terms that ended this recently: older gaps are the coverage report's business. */
const EXPIRED_REMINDER_DAYS = 90;

/** Effective contracts whose term has ended become 'expired', with an event and an audit row. Idempotent. */
export async function settleExpired(ctx: AppContext, today: string): Promise<number> {
  const due = await ctx.db.selectFrom('collective_contracts').select(['id', 'region_id', 'term_end']).where('status', '=', 'effective').where('term_end', '<', today).orderBy('term_end').limit(1000).execute();
  let n = 0;
  for (const c of due) {
    await ctx.db.transaction().execute(async (trx) => {
      const at = isoNow(ctx.clock);
      const r = await trx.updateTable('collective_contracts').set({ status: 'expired', updated_at: at, version: sql`version + 1` }).where('id', '=', c.id).where('status', '=', 'effective').executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return;
      n++;
      const endedOn = addDays(c.term_end!, 1);
      await insertEvent(trx, { contractId: c.id, regionId: c.region_id, at, onDate: endedOn, action: 'expire', ...SYSTEM, note: `合同期限于 ${c.term_end} 届满，集体合同终止（集体合同规定 第三十八条）` });
      await insertAudit(trx, { at, ...SYSTEM, action: 'contract.expire', entityType: 'collective_contract', entityId: c.id, regionId: c.region_id, summary: `集体合同期满终止（${c.term_end}）`, after: { status: 'expired', termEnd: c.term_end } });
    });
  }
  return n;
}

/**
 * Raises the renewal reminders (集体合同规定 第三十八条): 'expiring' once the 3-month renewal window
 * opens, 'expired' when the term ended without a renewal. One reminder per kind and term (unique
 * index), a timeline event on the contract, and for an enterprise's own contract an inbox message and a
 * text message to its users. Contracts with a renewal negotiation or successor are skipped.
 */
export async function raiseRenewalReminders(ctx: AppContext, today: string): Promise<number> {
  const horizon = addDays(today, 93);
  const since = addDays(today, -EXPIRED_REMINDER_DAYS);
  const rows = await ctx.db
    .selectFrom('collective_contracts as c')
    .select(['c.id', 'c.region_id', 'c.enterprise_id', 'c.title', 'c.kind', 'c.term_end'])
    .where('c.term_end', 'is not', null)
    .where((eb) => eb.or([eb.and([inForce(today, 'c'), eb('c.term_end', '<=', horizon)]), eb.and([eb('c.status', '=', 'expired'), eb('c.term_end', '>=', since)])]))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('collective_negotiations as n').select('n.id').whereRef('n.previous_contract_id', '=', 'c.id'))))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('collective_contracts as s').select('s.id').whereRef('s.previous_contract_id', '=', 'c.id').where('s.status', '!=', 'withdrawn'))))
    .orderBy('c.term_end')
    .limit(2000)
    .execute();
  let n = 0;
  for (const c of rows) {
    const kind = renewalReminder(c.term_end, today, false);
    if (!kind) continue;
    const dup = await ctx.db.selectFrom('contract_reminders').select('id').where('contract_id', '=', c.id).where('kind', '=', kind).where('term_end', '=', c.term_end!).executeTakeFirst();
    if (dup) continue;
    const message = reminderMessage(kind, c.title, c.kind as ContractKind, c.term_end!);
    // The enterprise's own users hear of it in their inbox and by text message (regional and industry
    // contracts are the union's business and stay on the officials' reminder list).
    const recipients = c.enterprise_id
      ? await ctx.db.selectFrom('users').select(['id', 'phone']).where('enterprise_id', '=', c.enterprise_id).where('disabled', '=', 0).execute()
      : [];
    await ctx.db.transaction().execute(async (trx) => {
      const at = isoNow(ctx.clock);
      await trx.insertInto('contract_reminders').values({ id: newId(), region_id: c.region_id, contract_id: c.id, enterprise_id: c.enterprise_id, kind, term_end: c.term_end!, raised_on: today, message, dismissed_by: null, dismissed_at: null, created_at: at }).execute();
      await insertEvent(trx, { contractId: c.id, regionId: c.region_id, at, onDate: today, action: 'remind', ...SYSTEM, note: message });
      if (recipients.length) {
        await trx
          .insertInto('portal_messages')
          .values(recipients.map((u) => ({ id: newId(), region_id: c.region_id, user_id: u.id, case_id: null, kind: `contract.${kind}`, title: '集体合同续签提醒', body: message, sms: u.phone ? 1 : 0, created_at: at, read_at: null })))
          .execute();
      }
    });
    // After the commit: a text message that fails is logged, the reminder stands.
    for (const u of recipients) {
      if (!u.phone) continue;
      await ctx.sms.send(u.phone, `【和谐劳动关系服务平台】${message}`).catch((e: unknown) => ctx.log.warn({ err: e }, 'contract reminder SMS failed'));
    }
    n++;
  }
  return n;
}

export function reminderMessage(kind: ContractReminderKind, title: string, contractKind: ContractKind, termEnd: string): string {
  const label = CONTRACT_KIND_LABELS[contractKind] ?? '集体合同';
  return kind === 'expiring'
    ? `《${title}》（${label}）将于 ${termEnd} 期满。自 ${renewalWindowOpens(termEnd)} 起任何一方均可提出续订要求（集体合同规定 第三十八条），请及时以原合同为基础发起续签协商。`
    : `《${title}》（${label}）已于 ${termEnd} 期满终止，尚未续签，请尽快发起续签协商。`;
}

/** Indexes contracts missing from the search index or built by an older tokenizer (at most `limit` a run). */
export async function indexMissing(db: Db, at: string, limit = 200): Promise<number> {
  const ids = await unindexedContracts(db, limit);
  for (const id of ids) await db.transaction().execute((trx) => indexContract(trx, id, at));
  return ids.length;
}

/**
 * Indexes in batches for up to `budgetMs` of wall time (a minute by default, well inside the job's 10-minute
 * lease): a database migrated with thousands of contracts is searchable after the first run or two, instead
 * of 200 contracts an hour.
 */
export async function catchUpIndex(db: Db, at: string, batch = 200, budgetMs = 60_000): Promise<number> {
  let indexed = 0;
  const until = performance.now() + budgetMs;
  for (;;) {
    const n = await indexMissing(db, at, batch);
    indexed += n;
    if (n < batch || performance.now() > until) return indexed;
  }
}

/** The scheduled contract job: review lapses, expiries, renewal reminders, search index catch-up. */
export async function runContractLifecycle(ctx: AppContext): Promise<string> {
  const today = todayInChina(ctx.clock);
  const lapsed = await settleLapsed(ctx, today);
  const expired = await settleExpired(ctx, today);
  const reminded = await raiseRenewalReminders(ctx, today);
  const indexed = await catchUpIndex(ctx.db, isoNow(ctx.clock));
  return `effective ${lapsed}, expired ${expired}, reminders ${reminded}, indexed ${indexed}`;
}
