import ExcelJS from 'exceljs';
import { LIST_KIND_LABELS, type ListKind } from '../../../domain/credit';
import type { Actor, AppContext } from '../../context';
import { isoNow, todayInChina } from '../../lib/clock';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { auditActor } from '../audit/actor';
import { insertAudit } from '../audit/repo';
import { criterionOf, currentlyListed } from './service';

/** The source document without article numbers still marked 待核对 (docs/decisions.md): the public sees no unverified article. */
const publicSource = (citation: string) => citation.split(/ 第|（/)[0]!;

/**
 * The public query page (守法诚信红名单 / 失信联合惩戒对象名单): enterprise name, credit code, the basis and the
 * period only — no legal representative, no personal data of anyone.
 */
export async function publicListings(ctx: AppContext, q: { kind?: ListKind; name?: string } & PageQuery) {
  const today = todayInChina(ctx.clock);
  let query = await currentlyListed(ctx.db, today, q.kind);
  if (q.name) query = query.where((eb) => eb.or([eb('e.name', 'like', `%${q.name}%`), eb('e.uscc', '=', q.name!)]));
  const { total } = await ctx.db.selectFrom(query.as('x')).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.limit(q.pageSize).offset(pageOffset(q)).execute();
  return {
    items: rows.map((r) => {
      const c = criterionOf(r.criterion_id);
      return { enterpriseName: r.enterprise_name, uscc: r.uscc, kind: r.kind, kindName: LIST_KIND_LABELS[r.kind as ListKind], basis: c ? `${c.text}（依据：${publicSource(c.citation)}）` : '', listedOn: r.listed_on, listedUntil: r.listed_until };
    }),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The current lists as .xlsx for the joint incentive / punishment partners (发展改革、财政、金融等部门). */
export async function exportListings(ctx: AppContext, actor: Actor, kind: ListKind | undefined) {
  const today = todayInChina(ctx.clock);
  const scope = whereInScope(scopeFilter(actor.principal, 'creditList.manage'), { region: 'l.region_id' });
  const rows = await (await currentlyListed(ctx.db, today, kind, scope)).execute();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(kind ? LIST_KIND_LABELS[kind].slice(0, 31) : '红黑名单');
  ws.columns = [
    { header: '名单', width: 30 }, { header: '企业名称', width: 34 }, { header: '统一社会信用代码', width: 22 }, { header: '法定代表人', width: 12 },
    { header: '列入依据', width: 60 }, { header: '列入事实', width: 40 }, { header: '列入日期', width: 12 }, { header: '期限至', width: 12 },
  ];
  ws.getRow(1).font = { bold: true };
  const reps = new Map((await ctx.db.selectFrom('enterprises').select(['id', 'legal_representative']).where('id', 'in', rows.length ? rows.map((r) => r.enterprise_id) : ['']).execute()).map((e) => [e.id, e.legal_representative]));
  for (const r of rows) {
    const c = criterionOf(r.criterion_id);
    // 保障农民工工资支付条例 第四十八条: the black list names the legal representative too; the export goes to partner agencies only.
    ws.addRow([LIST_KIND_LABELS[r.kind as ListKind], r.enterprise_name, r.uscc, r.kind === 'black' ? (reps.get(r.enterprise_id) ?? '') : '', c ? `${c.text}（${c.citation}）` : '', r.reason, r.listed_on, r.listed_until]);
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  await insertAudit(ctx.db, { at: isoNow(ctx.clock), ...auditActor(actor), action: 'creditList.export', entityType: 'creditListing', regionId: actor.principal!.regionId, summary: `导出${kind ? LIST_KIND_LABELS[kind] : '红黑名单'} ${rows.length} 家`, after: { kind: kind ?? null, count: rows.length } });
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `${kind ? LIST_KIND_LABELS[kind] : '红黑名单'}-${today}.xlsx`, count: rows.length };
}
