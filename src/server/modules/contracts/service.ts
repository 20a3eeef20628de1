import { sql } from 'kysely';
import { can } from '../../../domain/access/policy';
import type { Actor, AppContext, AuthPrincipal } from '../../context';
import type { DbOrTrx } from '../../db';
import { AppError, conflict, fieldError, forbidden, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { regionPrefixCondition, scopeFilter, whereInScope } from '../../policy/scope';
import { insertAudit } from '../audit/repo';
import { extractText } from './extract';
import { clauseReport, presentContract, statusOn } from './present';
import { contractEnterpriseIds, contractEvents, contractInScope, findContract, inForce, insertEvent, isEnterpriseBound, minimumWageFor, orgUnitKind, type ContractRow } from './repo';
import type { ContractCreate, ContractListQuery, ContractUpdate } from './schemas';
import { phraseMatch, PHRASE_BOOST } from '../../../domain/contracts/search';
import { indexContract, presentHit, rankContracts } from './search';

/** Hits re-ranked with the phrase bonus; deeper pages keep the plain BM25 order. */
const RERANK = 200;

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export const audit = (actor: Actor) => ({ actorId: actor.principal?.id ?? null, actorName: actor.principal?.displayName ?? null, ip: actor.ip });

export async function isReviewer(ctx: AppContext, p: AuthPrincipal | null): Promise<boolean> {
  return !!p && p.roles.includes('official') && (await orgUnitKind(ctx.db, p.orgUnitId)) === 'hrss';
}

/** A contract the principal may see, or 404 (existence is not revealed). */
export async function visibleContract(db: DbOrTrx, p: AuthPrincipal | null, id: string): Promise<ContractRow> {
  const row = await findContract(db, id);
  if (!row) throw notFound('集体合同');
  if (can(p, 'contract.read', { regionId: row.region_id, enterpriseId: row.enterprise_id })) return row;
  if (p?.enterpriseId && can(p, 'contract.read') && (await isEnterpriseBound(db, id, p.enterpriseId))) return row;
  throw notFound('集体合同');
}

async function names(db: DbOrTrx, rows: ContractRow[]) {
  const entIds = [...new Set(rows.map((r) => r.enterprise_id).filter((x): x is string => !!x))];
  const regIds = [...new Set(rows.map((r) => r.region_id))];
  const ents = entIds.length ? await db.selectFrom('enterprises').select(['id', 'name']).where('id', 'in', entIds).execute() : [];
  const regs = regIds.length ? await db.selectFrom('regions').select(['id', 'name']).where('id', 'in', regIds).execute() : [];
  const e = new Map(ents.map((x) => [x.id, x.name]));
  const r = new Map(regs.map((x) => [x.id, x.name]));
  return (row: ContractRow) => ({ enterpriseName: row.enterprise_id ? e.get(row.enterprise_id) : null, regionName: r.get(row.region_id) });
}

export async function listContracts(ctx: AppContext, actor: Actor, q: ContractListQuery & PageQuery) {
  const filter = scopeFilter(actor.principal, 'contract.read');
  const today = todayInChina(ctx.clock);
  let query = ctx.db.selectFrom('collective_contracts').where(contractInScope(filter));
  // Status as of today (present.ts statusOn): the scheduled job persists lapses and expiries, reads must not wait for it.
  if (q.status === 'effective') query = query.where(inForce(today));
  else if (q.status === 'expired') query = query.where((eb) => eb.or([eb('status', '=', 'expired'), eb.and([eb.or([eb('status', '=', 'effective'), eb.and([eb('status', '=', 'under_review'), eb('review_deadline', '<', today)])]), eb('term_end', '<', today)])]));
  else if (q.status === 'under_review') query = query.where('status', '=', 'under_review').where((eb) => eb.or([eb('review_deadline', 'is', null), eb('review_deadline', '>=', today)]));
  else if (q.status) query = query.where('status', '=', q.status);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.scope) query = query.where('scope', '=', q.scope);
  if (q.enterpriseId) query = query.where('enterprise_id', '=', q.enterpriseId);
  if (q.regionId) query = query.where(regionPrefixCondition('collective_contracts.region_id', q.regionId));
  const reviewer = await isReviewer(ctx, actor.principal);
  if (q.q) {
    // BM25 over the jieba inverted index, then the top RERANK re-scored with the phrase bonus (search.ts).
    const { hits } = await rankContracts(ctx.db, query, q.q);
    const top = hits.slice(0, RERANK);
    const texts = top.length ? await ctx.db.selectFrom('collective_contracts').select(['id', 'title', 'text']).where('id', 'in', top.map((h) => h.id)).execute() : [];
    const byId = new Map(texts.map((r) => [r.id, `${r.title}\n${r.text ?? ''}`]));
    const reranked = top.map((h) => (phraseMatch(q.q!, byId.get(h.id) ?? '') ? { ...h, score: h.score * PHRASE_BOOST } : h));
    reranked.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    const page = [...reranked, ...hits.slice(RERANK)].slice(pageOffset(q), pageOffset(q) + q.pageSize);
    const rows = page.length ? await ctx.db.selectFrom('collective_contracts').selectAll().where('id', 'in', page.map((h) => h.id)).execute() : [];
    const rowById = new Map(rows.map((r) => [r.id, r]));
    const nm = await names(ctx.db, rows);
    return {
      items: page.map((h) => {
        const r = rowById.get(h.id)!;
        return { ...presentContract(r, actor.principal, today, reviewer, nm(r)), match: presentHit(h, r.title, r.text) };
      }),
      total: hits.length,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset(pageOffset(q)).execute();
  const nm = await names(ctx.db, rows);
  return { items: rows.map((r) => presentContract(r, actor.principal, today, reviewer, nm(r))), total: Number(total), page: q.page, pageSize: q.pageSize };
}

export async function getContract(ctx: AppContext, actor: Actor, id: string) {
  const today = todayInChina(ctx.clock);
  const row = await visibleContract(ctx.db, actor.principal, id);
  const nm = await names(ctx.db, [row]);
  const mw = await minimumWageFor(ctx.db, row.region_id, today);
  const minimumWage = mw ? { monthly: mw.monthly, hourly: mw.hourly } : undefined;
  const enterpriseIds = await contractEnterpriseIds(ctx.db, id);
  return {
    ...presentContract(row, actor.principal, today, await isReviewer(ctx, actor.principal), nm(row)),
    text: row.text ?? '',
    minimumWage: mw ? { ...minimumWage, regionId: mw.region_id, effectiveFrom: mw.effective_from } : null,
    clauseCheck: clauseReport(row, minimumWage),
    enterpriseCount: enterpriseIds.length,
    events: (await contractEvents(ctx.db, id)).map((e) => ({ at: e.at, onDate: e.on_date, action: e.action, actorName: e.actor_name, note: e.note })),
  };
}

async function resolveBinding(ctx: AppContext, p: AuthPrincipal, input: ContractCreate) {
  if (input.scope === 'enterprise') {
    const ent = await ctx.db.selectFrom('enterprises').select(['id', 'region_id', 'headcount']).where('id', '=', input.enterpriseId!).executeTakeFirst();
    if (!ent || !can(p, 'contract.manage', { regionId: ent.region_id, enterpriseId: ent.id })) throw fieldError('enterpriseId', '企业不存在或不在您的管辖范围内');
    return { regionId: ent.region_id, enterpriseId: ent.id, bound: [{ id: ent.id, region_id: ent.region_id }], headcount: ent.headcount };
  }
  const regionId = input.regionId ?? p.regionId;
  if (!(await ctx.db.selectFrom('regions').select('id').where('id', '=', regionId).executeTakeFirst())) throw fieldError('regionId', '区域不存在');
  if (!can(p, 'contract.manage', { regionId })) throw fieldError('regionId', '区域不在您的管辖范围内');
  let q = ctx.db.selectFrom('enterprises').select(['id', 'region_id', 'headcount']).where(regionPrefixCondition('enterprises.region_id', regionId));
  if (input.scope === 'industry') q = q.where('industry_code', '=', input.industryCode!);
  if (input.enterpriseIds) q = q.where('id', 'in', input.enterpriseIds.length ? input.enterpriseIds : ['']);
  const bound = await q.execute();
  if (input.enterpriseIds && bound.length !== new Set(input.enterpriseIds).size) throw fieldError('enterpriseIds', '部分企业不存在、不在该区域或不属于该行业');
  if (bound.length === 0) throw fieldError('enterpriseIds', '该区域（行业）内没有企业');
  return { regionId, enterpriseId: null, bound, headcount: bound.reduce((s, e) => s + (e.headcount ?? 0), 0) };
}

export async function createContract(ctx: AppContext, actor: Actor, input: ContractCreate) {
  const p = actor.principal!;
  if (input.requestId) {
    const dup = await ctx.db.selectFrom('collective_contracts').select('id').where('request_id', '=', input.requestId).executeTakeFirst();
    if (dup) return getContract(ctx, actor, dup.id);
  }
  if (input.scope !== 'enterprise' && !p.roles.includes('official')) throw forbidden('区域性、行业性集体合同由工会或有关部门登记');
  const b = await resolveBinding(ctx, p, input);
  if (input.previousContractId) await visibleContract(ctx.db, p, input.previousContractId).catch(() => {
    throw fieldError('previousContractId', '原合同不存在');
  });
  const id = newId();
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('collective_contracts')
      .values({
        id,
        region_id: b.regionId,
        scope: input.scope,
        enterprise_id: b.enterpriseId,
        industry_code: input.industryCode ?? null,
        kind: input.kind,
        title: input.title,
        status: 'draft',
        employer_representative: input.employerRepresentative ?? null,
        worker_representative: input.workerRepresentative ?? null,
        negotiated_on: input.negotiatedOn ?? null,
        signed_on: input.signedOn ?? null,
        congress_on: input.congressOn ?? null,
        congress_votes_for: input.congressVotesFor ?? null,
        congress_delegates: input.congressDelegates ?? null,
        term_start: input.termStart ?? null,
        term_end: input.termEnd ?? null,
        covered_employees: input.coveredEmployees ?? b.headcount ?? null,
        file_key: null, file_name: null, file_mime: null, file_size: null, text: null, searchable: 0,
        submitted_by_side: null, submitted_on: null, received_on: null, review_deadline: null,
        reviewer_id: null, reviewed_on: null, review_opinion: null, effective_on: null,
        previous_contract_id: input.previousContractId ?? null,
        negotiation_id: input.negotiationId ?? null,
        request_id: input.requestId ?? null,
        created_by: p.id,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
    for (let i = 0; i < b.bound.length; i += 500) {
      await trx.insertInto('collective_contract_enterprises').values(b.bound.slice(i, i + 500).map((e) => ({ contract_id: id, enterprise_id: e.id, region_id: e.region_id }))).execute();
    }
    await indexContract(trx, id, at);
    await insertEvent(trx, { contractId: id, regionId: b.regionId, at, onDate: todayInChina(ctx.clock), action: 'create', actorId: p.id, actorName: p.displayName });
    await insertAudit(trx, { at, ...audit(actor), action: 'contract.create', entityType: 'collective_contract', entityId: id, regionId: b.regionId, summary: `登记集体合同 ${input.title}`, after: { ...input, enterpriseIds: undefined, bound: b.bound.length } });
  });
  return getContract(ctx, actor, id);
}

export async function editableContract(ctx: AppContext, actor: Actor, id: string): Promise<ContractRow> {
  const row = await visibleContract(ctx.db, actor.principal, id);
  if (!can(actor.principal, 'contract.manage', { regionId: row.region_id, enterpriseId: row.enterprise_id })) throw forbidden();
  const status = statusOn(row, todayInChina(ctx.clock));
  if (status !== 'draft' && status !== 'objected') throw new AppError(409, 'INVALID_TRANSITION', '只有待报送或审查有异议的合同可以修改', undefined, { status });
  return row;
}

export async function updateContract(ctx: AppContext, actor: Actor, id: string, input: ContractUpdate) {
  const row = await editableContract(ctx, actor, id);
  if (input.version !== undefined && input.version !== row.version) throw conflict('合同已被他人修改，请刷新后重试');
  const at = isoNow(ctx.clock);
  const map = { title: 'title', employerRepresentative: 'employer_representative', workerRepresentative: 'worker_representative', negotiatedOn: 'negotiated_on', signedOn: 'signed_on', congressOn: 'congress_on', congressVotesFor: 'congress_votes_for', congressDelegates: 'congress_delegates', termStart: 'term_start', termEnd: 'term_end', coveredEmployees: 'covered_employees' } as const;
  const set: Record<string, unknown> = {};
  for (const [k, col] of Object.entries(map)) if (input[k as keyof typeof map] !== undefined) set[col] = input[k as keyof typeof map];
  const start = (set.term_start as string | undefined) ?? row.term_start;
  const end = (set.term_end as string | undefined) ?? row.term_end;
  if (start && end && end < start) throw fieldError('termEnd', '期限终止日不能早于起始日');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('collective_contracts').set({ ...set, updated_at: at, version: sql`version + 1` }).where('id', '=', id).execute();
    if (set.title !== undefined) await indexContract(trx, id, at);
    await insertAudit(trx, { at, ...audit(actor), action: 'contract.update', entityType: 'collective_contract', entityId: id, regionId: row.region_id, after: input });
  });
  return getContract(ctx, actor, id);
}

/** Stores the .docx/.pdf through the file store and keeps its extracted text for search and the clause check. */
export async function uploadContractFile(ctx: AppContext, actor: Actor, id: string, fileName: string, data: Buffer) {
  const row = await editableContract(ctx, actor, id);
  if (data.length === 0) throw fieldError('file', '文件为空');
  if (data.length > MAX_FILE_BYTES) throw new AppError(413, 'PAYLOAD_TOO_LARGE', '文件不能超过10MB');
  const extracted = await extractText(data).catch((e: Error) => {
    throw fieldError('file', e.message);
  });
  const key = `contracts/${row.region_id}/${id}/${newId()}.${extracted.type}`;
  await ctx.files.put(key, data, { contentType: extracted.mime });
  const at = isoNow(ctx.clock);
  const name = fileName.replace(/[\\/]/g, '_').slice(0, 120) || `contract.${extracted.type}`;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('collective_contracts')
      .set({ file_key: key, file_name: name, file_mime: extracted.mime, file_size: data.length, text: extracted.text, searchable: extracted.searchable ? 1 : 0, updated_at: at, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    await indexContract(trx, id, at);
    await insertEvent(trx, { contractId: id, regionId: row.region_id, at, onDate: todayInChina(ctx.clock), action: 'upload', actorId: actor.principal!.id, actorName: actor.principal!.displayName, note: name });
    await insertAudit(trx, { at, ...audit(actor), action: 'contract.upload', entityType: 'collective_contract', entityId: id, regionId: row.region_id, summary: `上传合同文本 ${name}`, after: { name, size: data.length, searchable: extracted.searchable } });
  });
  if (row.file_key) await ctx.files.delete(row.file_key).catch(() => undefined);
  return getContract(ctx, actor, id);
}

export async function downloadContractFile(ctx: AppContext, actor: Actor, id: string) {
  const row = await visibleContract(ctx.db, actor.principal, id);
  if (!row.file_key) throw notFound('合同文件');
  const data = await ctx.files.get(row.file_key);
  if (!data) throw notFound('合同文件');
  return { data, name: row.file_name ?? 'contract', mime: row.file_mime ?? 'application/octet-stream' };
}

/** Enterprises the user may register a contract for (picker in the web form). */
export async function enterpriseOptions(ctx: AppContext, actor: Actor, q?: string) {
  const filter = scopeFilter(actor.principal, 'contract.manage');
  let query = ctx.db.selectFrom('enterprises').select(['id', 'name', 'union_established']).where(whereInScope(filter, { region: 'enterprises.region_id', enterprise: 'enterprises.id' }));
  if (q) query = query.where('name', 'like', `%${q}%`);
  const rows = await query.orderBy('union_established', 'desc').orderBy('name').limit(30).execute();
  return { items: rows.map((r) => ({ id: r.id, name: r.name, unionEstablished: r.union_established === 1 })) };
}
