import { contractRestDay } from './calendar';
import { sql } from 'kysely';
import { can } from '../../../domain/access/policy';
import { checkClauses } from '../../../domain/contracts/clauses';
import { addDays } from '../../../domain/contracts/dates';
import { periodEnd, reviewClock, REVIEW_DAYS } from '../../../domain/contracts/deadlines';
import { ACTION_TARGET, allowedActions, CONTRACT_KIND_LABELS, type ContractAction, type ContractKind } from '../../../domain/contracts/types';
import type { Actor, AppContext } from '../../context';
import { AppError, fieldError, forbidden } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { insertAudit } from '../audit/repo';
import { buildOfficialDocx } from './documents';
import { statusOn } from './present';
import { findContract, insertEvent, minimumWageFor, type ContractRow } from './repo';
import type { ContractReview, ContractSubmit } from './schemas';
import { audit, getContract, isReviewer, visibleContract } from './service';

const ACTION_LABELS: Record<ContractAction, string> = { submit: '报送', approve: '审查无异议', object: '提出异议', withdraw: '撤回', lapse: '十五日内未提出异议，依法生效', expire: '期满终止' };

function assertAllowed(row: ContractRow, action: ContractAction, today: string) {
  const status = statusOn(row, today);
  const allowed = allowedActions(status);
  if (!allowed.includes(action)) {
    const names = allowed.map((a) => ACTION_LABELS[a]).join('、') || '无';
    throw new AppError(409, 'INVALID_TRANSITION', `当前状态不能${ACTION_LABELS[action]}（允许的操作：${names}）`, undefined, { status, allowed });
  }
}

/**
 * 劳动合同法 第五十四条: a contract on which no objection was raised within 15 days of receipt is
 * effective. Persists that fact for every lapsed review (idempotent: any replica may run it).
 */
export async function settleLapsed(ctx: AppContext, today: string): Promise<number> {
  const due = await ctx.db.selectFrom('collective_contracts').select(['id', 'region_id', 'review_deadline']).where('status', '=', 'under_review').where('review_deadline', '<', today).limit(500).execute();
  let n = 0;
  for (const c of due) {
    const effectiveOn = addDays(c.review_deadline!, 1);
    await ctx.db.transaction().execute(async (trx) => {
      const r = await trx.updateTable('collective_contracts').set({ status: 'effective', effective_on: effectiveOn, updated_at: isoNow(ctx.clock), version: sql`version + 1` }).where('id', '=', c.id).where('status', '=', 'under_review').executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return;
      n++;
      const at = isoNow(ctx.clock);
      await insertEvent(trx, { contractId: c.id, regionId: c.region_id, at, onDate: effectiveOn, action: 'lapse', actorId: null, actorName: '系统', note: `收到文本之日起${REVIEW_DAYS}日内未提出异议（劳动合同法 第五十四条）` });
      await insertAudit(trx, { at, actorId: null, actorName: '系统', action: 'contract.effective', entityType: 'collective_contract', entityId: c.id, regionId: c.region_id, summary: '审查期满未提出异议，集体合同生效（劳动合同法 第五十四条）', after: { effectiveOn } });
    });
  }
  return n;
}

/** The enterprise or the union files the signed text; the labor department's 15-day clock starts on receipt. */
export async function submitContract(ctx: AppContext, actor: Actor, id: string, input: ContractSubmit) {
  const p = actor.principal!;
  const row = await visibleContract(ctx.db, p, id);
  if (!can(p, 'contract.manage', { regionId: row.region_id, enterpriseId: row.enterprise_id })) throw forbidden();
  const today = todayInChina(ctx.clock);
  assertAllowed(row, 'submit', today);
  if (!row.file_key) throw fieldError('file', '请先上传合同文本（.docx 或 .pdf）');
  if (input.receivedOn && input.receivedOn > today) throw fieldError('receivedOn', '收到日期不能晚于今天');
  const receivedOn = input.receivedOn ?? today;
  const kind = p.roles.includes('enterprise') ? 'enterprise' : await sideOf(ctx, p.orgUnitId);
  const side = input.side ?? kind;
  const deadline = periodEnd(receivedOn, REVIEW_DAYS, contractRestDay);
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('collective_contracts')
      .set({ status: ACTION_TARGET.submit, submitted_by_side: side, submitted_on: today, received_on: receivedOn, review_deadline: deadline, reviewer_id: null, reviewed_on: null, review_opinion: null, updated_at: at, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    await insertEvent(trx, { contractId: id, regionId: row.region_id, at, onDate: receivedOn, action: 'submit', actorId: p.id, actorName: p.displayName, note: `审查期限至 ${deadline}` });
    await insertAudit(trx, { at, ...audit(actor), action: 'contract.submit', entityType: 'collective_contract', entityId: id, regionId: row.region_id, summary: `报送集体合同审查，期限至 ${deadline}`, after: { receivedOn, deadline, side } });
  });
  return getContract(ctx, actor, id);
}

async function sideOf(ctx: AppContext, orgUnitId: string): Promise<'enterprise' | 'union'> {
  const ou = await ctx.db.selectFrom('org_units').select('kind').where('id', '=', orgUnitId).executeTakeFirst();
  return ou?.kind === 'union' ? 'union' : 'enterprise';
}

/** 劳动合同法 第五十四条: the labor department may object only within the 15 days; after them the contract is effective. */
export async function reviewContract(ctx: AppContext, actor: Actor, id: string, input: ContractReview) {
  const p = actor.principal!;
  if (!(await isReviewer(ctx, p))) throw forbidden('只有劳动行政部门（人社局）工作人员可以审查集体合同');
  const row = await visibleContract(ctx.db, p, id);
  if (!can(p, 'contract.review', { regionId: row.region_id })) throw forbidden();
  const today = todayInChina(ctx.clock);
  if (row.status === 'under_review' && row.review_deadline && today > row.review_deadline) {
    await settleLapsed(ctx, today);
    throw new AppError(409, 'INVALID_TRANSITION', `审查期限已于 ${row.review_deadline} 届满，合同已依法生效，不能再提出异议（劳动合同法 第五十四条）`, undefined, { status: 'effective', allowed: [] });
  }
  assertAllowed(row, input.decision, today);
  if (input.decision === 'object' && !input.opinion) throw fieldError('opinion', '提出异议须填写审查意见');
  const at = isoNow(ctx.clock);
  const status = ACTION_TARGET[input.decision];
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('collective_contracts')
      .set({ status, reviewer_id: p.id, reviewed_on: today, review_opinion: input.opinion ?? null, effective_on: status === 'effective' ? today : null, updated_at: at, version: sql`version + 1` })
      .where('id', '=', id)
      .where('status', '=', 'under_review')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError(409, 'INVALID_TRANSITION', '合同状态已变化，请刷新后重试');
    await insertEvent(trx, { contractId: id, regionId: row.region_id, at, onDate: today, action: input.decision, actorId: p.id, actorName: p.displayName, note: input.opinion ?? null });
    await insertAudit(trx, { at, ...audit(actor), action: `contract.${input.decision}`, entityType: 'collective_contract', entityId: id, regionId: row.region_id, summary: input.decision === 'approve' ? '集体合同审查无异议' : '集体合同审查提出异议', after: input });
  });
  return getContract(ctx, actor, id);
}

export async function withdrawContract(ctx: AppContext, actor: Actor, id: string) {
  const p = actor.principal!;
  const row = await visibleContract(ctx.db, p, id);
  if (!can(p, 'contract.manage', { regionId: row.region_id, enterpriseId: row.enterprise_id })) throw forbidden();
  const today = todayInChina(ctx.clock);
  assertAllowed(row, 'withdraw', today);
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('collective_contracts').set({ status: 'withdrawn', updated_at: at, version: sql`version + 1` }).where('id', '=', id).execute();
    await insertEvent(trx, { contractId: id, regionId: row.region_id, at, onDate: today, action: 'withdraw', actorId: p.id, actorName: p.displayName });
    await insertAudit(trx, { at, ...audit(actor), action: 'contract.withdraw', entityType: 'collective_contract', entityId: id, regionId: row.region_id });
  });
  return getContract(ctx, actor, id);
}

/** 审查意见书: the labor department's opinion on a reviewed contract, as a GB/T 9704 .docx. */
export async function reviewLetter(ctx: AppContext, actor: Actor, id: string): Promise<{ data: Buffer; name: string }> {
  const today = todayInChina(ctx.clock);
  await settleLapsed(ctx, today);
  const row = (await findContract(ctx.db, (await visibleContract(ctx.db, actor.principal, id)).id))!;
  if (!row.received_on || !['effective', 'objected', 'expired'].includes(statusOn(row, today))) throw new AppError(409, 'INVALID_TRANSITION', '合同尚未完成审查，暂无审查意见书');
  const party = row.enterprise_id ? (await ctx.db.selectFrom('enterprises').select('name').where('id', '=', row.enterprise_id).executeTakeFirst())?.name : (await ctx.db.selectFrom('regions').select('name').where('id', '=', row.region_id).executeTakeFirst())?.name;
  const clock = reviewClock(row.received_on, today, contractRestDay);
  const mw = await minimumWageFor(ctx.db, row.region_id, today);
  const report = checkClauses(row.text ?? '', row.kind as ContractKind, mw ? { monthly: mw.monthly, hourly: mw.hourly } : undefined);
  const objected = row.status === 'objected';
  const paragraphs = [
    `你单位报送的《${row.title}》（${CONTRACT_KIND_LABELS[row.kind as ContractKind]}）本部门已于${row.received_on.replace(/-/g, '.')}收到。根据《中华人民共和国劳动合同法》第五十四条和《集体合同规定》第四十二条、第四十七条的规定，经审查，意见如下：`,
    objected ? '一、审查结论：对该集体合同提出异议。' : '一、审查结论：对该集体合同无异议。',
    `二、审查意见：${row.review_opinion ?? (row.reviewed_on ? '无。' : `本部门自收到文本之日起十五日内（至${clock.deadline.replace(/-/g, '.')}）未提出异议，该合同依法生效。`)}`,
  ];
  const problems = report.findings.filter((f) => (f.type === 'subject' && f.required && !f.present) || (f.type === 'special' && !f.present) || f.type === 'wage_below_minimum' || f.type === 'no_text');
  if (problems.length) paragraphs.push(`三、条款审查提示：${problems.map((f, i) => `${i + 1}.${f.message}`).join('；')}。`);
  paragraphs.push(
    objected
      ? `${problems.length ? '四' : '三'}、请双方就上述异议重新协商，修改后依照《集体合同规定》第四十二条重新报送审查。`
      : `${problems.length ? '四' : '三'}、该合同自${(row.effective_on ?? clock.effectiveOn).replace(/-/g, '.')}起生效，请双方及时以适当形式向全体职工公布。`,
  );
  const data = await buildOfficialDocx({ title: '集体合同审查意见书', recipient: `${party ?? ''}：`, paragraphs, issuer: await issuerName(ctx, row), date: row.reviewed_on ?? clock.effectiveOn });
  return { data, name: `集体合同审查意见书-${row.title}.docx` };
}

/** The labor department that reviewed (or should have reviewed) the contract. */
async function issuerName(ctx: AppContext, row: ContractRow): Promise<string> {
  if (row.reviewer_id) {
    const ou = await ctx.db.selectFrom('users').innerJoin('org_units', 'org_units.id', 'users.org_unit_id').select('org_units.name').where('users.id', '=', row.reviewer_id).executeTakeFirst();
    if (ou) return ou.name;
  }
  const units = await ctx.db.selectFrom('org_units').select(['name', 'region_id']).where('kind', '=', 'hrss').execute();
  const best = units.filter((u) => row.region_id.startsWith(u.region_id)).sort((a, b) => b.region_id.length - a.region_id.length)[0];
  return best?.name ?? '劳动行政部门';
}
