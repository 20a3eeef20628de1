import ExcelJS from 'exceljs';
import { can } from '../../../domain/access/policy';
import { OWNERSHIP_TYPES, type Ownership } from '../../../domain/enterprise/industries';
import type { EnterpriseListQuery } from '../../../domain/enterprise/registry';
import type { Actor, AppContext } from '../../context';
import { isoNow } from '../../lib/clock';
import { scopeFilter } from '../../policy/scope';
import { insertAudit } from '../audit/repo';
import { presentListItem } from './presenter';
import { filteredEnterprises, gramSearch, regionNames } from './repo';
import { principalOf } from './service';

export const MAX_EXPORT_ROWS = 100_000;

/**
 * The filtered list as .xlsx. Phones are masked unless the user may reveal them in the whole region they
 * export (enterprise.reveal at region scope or wider); an unmasked export is audited as a reveal.
 */
export async function exportEnterprises(ctx: AppContext, actor: Actor, q: EnterpriseListQuery): Promise<{ buffer: Buffer; fileName: string; count: number }> {
  const p = principalOf(actor);
  const filter = scopeFilter(p, 'enterprise.export');
  const reveal = can(p, 'enterprise.reveal', { regionId: q.street ?? q.park ?? q.regionId ?? p.regionId }) && can(p, 'enterprise.reveal', { regionId: p.regionId });
  const regions = await regionNames(ctx.db);
  const rows = await filteredEnterprises(ctx.db, filter, q, await gramSearch(ctx.db, q.q)).selectAll('enterprises').orderBy('name').orderBy('id').limit(MAX_EXPORT_ROWS).execute();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.columns = [
    { header: '企业名称', width: 34 }, { header: '统一社会信用代码', width: 22 }, { header: '所属街道', width: 12 }, { header: '所属园区', width: 22 },
    { header: '行业', width: 22 }, { header: '经济类型', width: 14 }, { header: '企业规模', width: 10 }, { header: '职工人数', width: 10 },
    { header: '重点企业', width: 9 }, { header: '是否建会', width: 9 }, { header: '建会时间', width: 12 }, { header: '工会会员数', width: 11 },
    { header: '劳动合同签订率', width: 14 }, { header: '风险等级', width: 9 }, { header: '联系人', width: 10 }, { header: '联系电话', width: 15 },
    { header: '法定代表人', width: 10 }, { header: '地址', width: 40 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const e of rows) {
    const item = presentListItem(e, regions, reveal);
    ws.addRow([
      item.name, item.uscc, item.streetName ?? '', item.parkName ?? '', item.industryCode ? `${item.industryCode} ${item.industryName}` : '',
      e.ownership ? (OWNERSHIP_TYPES[e.ownership as Ownership] ?? e.ownership) : '', item.sizeName ?? '', item.headcount ?? '',
      item.isKey ? '是' : '否', item.unionEstablished ? '是' : '否', e.union_established_on ?? '', item.unionMembers ?? '',
      e.contract_signing_rate !== null ? `${Math.round(e.contract_signing_rate * 1000) / 10}%` : '', item.riskName ?? '',
      item.contactName ?? '', item.contactPhone ?? '', e.legal_representative ?? '', e.address ?? '',
    ]);
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  await insertAudit(ctx.db, {
    at: isoNow(ctx.clock), actorId: p.id, actorName: p.displayName, ip: actor.ip, action: reveal ? 'pii.reveal' : 'enterprise.export',
    entityType: 'enterprise', regionId: p.regionId, summary: `导出企业名录 ${rows.length} 家（联系电话${reveal ? '未打码' : '已打码'}）`, after: { filter: q, count: rows.length, masked: !reveal },
  });
  const date = isoNow(ctx.clock).slice(0, 10);
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `企业名录-${date}.xlsx`, count: rows.length };
}
