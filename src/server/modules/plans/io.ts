import ExcelJS from 'exceljs';
import type { Actor, AppContext } from '../../context';
import { badRequest, type FieldError } from '../../errors';
import { todayInChina } from '../../lib/clock';
import { buildDocx } from '../reports/documents';
import { getPlan } from './service';
import type { PlanCreate } from './schemas';

/** The columns of the task-division table (构建和谐劳动关系综合试验区职责任务分工, seed 001 附件1). */
export const DIVISION_COLUMNS = [
  { key: 'seq', title: '序号', width: 5 },
  { key: 'section', title: '重点任务', width: 14 },
  { key: 'measures', title: '具体措施', width: 40 },
  { key: 'due', title: '完成时限', width: 11 },
  { key: 'overall', title: '总体目标', width: 18 },
  { key: 'stages', title: '阶段性目标', width: 24 },
  { key: 'lead', title: '牵头单位', width: 12 },
  { key: 'partners', title: '配合单位', width: 14 },
] as const;

const ALIASES: [RegExp, string][] = [
  [/人社局/g, '人力资源和社会保障局'],
  [/人力资源社会保障局/g, '人力资源和社会保障局'],
  [/工商联/g, '工商业联合会'],
  [/政数局/g, '政务服务数据管理局'],
];
const norm = (s: string) => ALIASES.reduce((acc, [re, to]) => acc.replace(re, to), s.replace(/\s+/g, ''));
const bigrams = (s: string) => new Set(Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2)));
function dice(a: string, b: string): number {
  const A = bigrams(a), B = bigrams(b);
  if (!A.size || !B.size) return 0;
  let n = 0;
  for (const x of A) if (B.has(x)) n++;
  return (2 * n) / (A.size + B.size);
}

/** Matches a unit name as written in a plan (区人力资源社会保障局) to an org unit (云溪区人力资源和社会保障局). */
export function matchUnit(name: string, units: { id: string; name: string }[], districtName: string): string | undefined {
  const n = norm(name);
  const strip = (u: string) => (u.startsWith(districtName) ? `区${u.slice(districtName.length)}` : u);
  const exact = units.find((u) => norm(u.name) === n || norm(strip(u.name)) === n || norm(strip(u.name)) === `区${n}`);
  if (exact) return exact.id;
  let best: { id: string; score: number } | undefined;
  for (const u of units) {
    const score = Math.max(dice(n, norm(u.name)), dice(n, norm(strip(u.name))));
    if (score >= 0.6 && (!best || score > best.score)) best = { id: u.id, score };
  }
  return best?.id;
}

/** 2023年9月 → 2023-09-30; 2023年9月30日 / 2023-09-30 / a date cell → that day; 2023年 → 2023-12-31. */
export function parseDeadline(v: unknown): string | undefined {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = String(v ?? '').trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/.exec(s);
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  m = /^(\d{4})[-/.年](\d{1,2})月?(底|末)?/.exec(s);
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).toISOString().slice(0, 10);
  m = /^(\d{4})年?(底|末|内)?$/.exec(s);
  if (m) return `${m[1]}-12-31`;
  return undefined;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return String(v.result ?? '');
  }
  return String(v);
}

/**
 * Reads a task-division workbook: a header row with 序号/重点任务/具体措施/完成时限/牵头单位/配合单位
 * (总体目标 and 阶段性目标 optional; 阶段性目标 one stage a line, "2025年10月：认定3家…"). A blank or merged
 * 重点任务 cell continues the section above. Every problem is reported with its row number.
 */
export async function parseDivisionWorkbook(ctx: AppContext, data: Buffer, meta: { title?: string; regionId: string }): Promise<PlanCreate> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw badRequest('无法读取文件：请上传 .xlsx 格式的任务分工表', [{ field: 'file', message: '文件不是有效的 .xlsx 工作簿' }]);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw badRequest('工作簿中没有工作表', [{ field: 'file', message: '工作簿为空' }]);
  let headerRow = 0;
  const col: Record<string, number> = {};
  let title = meta.title;
  ws.eachRow((row, r) => {
    if (headerRow) return;
    const texts = Array.from(row.values as ExcelJS.CellValue[], (v) => cellText(v ?? null));
    if (texts.some((t) => t.includes('具体措施')) && texts.some((t) => t.includes('牵头'))) {
      headerRow = r;
      texts.forEach((t, i) => {
        for (const c of DIVISION_COLUMNS) if (t.replace(/\s/g, '').includes(c.title.slice(0, 4)) && !(c.key in col)) col[c.key] = i;
        if (t.includes('牵头')) col.lead = i;
        if (t.includes('配合') || t.includes('参与')) col.partners = i;
        if (t.includes('时限') || t.includes('推进时间')) col.due = i;
      });
    } else if (!title) title = texts.find((t) => t.trim())?.trim();
  });
  const missing = ['measures', 'due', 'lead'].filter((k) => !(k in col));
  if (!headerRow || missing.length) throw badRequest('未找到表头：需要“具体措施”“完成时限”“牵头单位”等列', [{ field: 'file', message: '表头缺少必填列' }]);

  const district = await ctx.db.selectFrom('regions').select('name').where('id', '=', meta.regionId.slice(0, 6)).executeTakeFirst();
  const units = await ctx.db.selectFrom('org_units').select(['id', 'name']).where('kind', '!=', 'enterprise').where('region_id', 'like', `${meta.regionId.slice(0, 6)}%`).execute();
  const errors: FieldError[] = [];
  const sections: PlanCreate['sections'] = [];
  let years: number[] = [];
  const get = (row: ExcelJS.Row, key: string) => (key in col ? cellText(row.getCell(col[key]!).value).trim() : '');
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const measures = get(row, 'measures');
    if (!measures) continue;
    const sectionTitle = get(row, 'section') || sections[sections.length - 1]?.title;
    if (!sectionTitle) errors.push({ field: `第${r}行 重点任务`, message: '缺少重点任务' });
    const dueRaw = col.due !== undefined ? row.getCell(col.due).value : undefined;
    const dueOn = parseDeadline(dueRaw instanceof Date ? dueRaw : cellText(dueRaw ?? null));
    if (!dueOn) errors.push({ field: `第${r}行 完成时限`, message: `无法识别的完成时限“${cellText(dueRaw ?? null)}”` });
    const leadName = get(row, 'lead');
    const leadUnitId = leadName ? matchUnit(leadName, units, district?.name ?? '') : undefined;
    if (!leadUnitId) errors.push({ field: `第${r}行 牵头单位`, message: leadName ? `未找到单位“${leadName}”` : '缺少牵头单位' });
    const partnerUnitIds: string[] = [];
    for (const name of get(row, 'partners').split(/[、，,；;\n/]+/).map((s) => s.trim()).filter(Boolean)) {
      const id = matchUnit(name, units, district?.name ?? '');
      if (!id) errors.push({ field: `第${r}行 配合单位`, message: `未找到单位“${name}”` });
      else if (id !== leadUnitId && !partnerUnitIds.includes(id)) partnerUnitIds.push(id);
    }
    const stages = [];
    for (const line of get(row, 'stages').split(/\n+/).map((s) => s.trim()).filter(Boolean)) {
      const m = /^(.+?)[：:]\s*(.+)$/.exec(line);
      const d = m ? parseDeadline(m[1]) : undefined;
      if (!m || !d) errors.push({ field: `第${r}行 阶段性目标`, message: `阶段性目标须写成“时限：目标”：${line.slice(0, 20)}` });
      else stages.push({ dueOn: d, target: m[2]!.trim() });
    }
    if (!sectionTitle || !dueOn || !leadUnitId) continue;
    years = [...years, Number(dueOn.slice(0, 4)), ...stages.map((s) => Number(s.dueOn.slice(0, 4)))];
    const firstSentence = measures.split(/[。；\n]/)[0]!.replace(/^\d+[.、．]/, '').trim().slice(0, 120);
    let section = sections.find((s) => s.title === sectionTitle);
    if (!section) sections.push((section = { title: sectionTitle, tasks: [] }));
    section.tasks.push({ title: firstSentence || measures.slice(0, 120), measures, overallTarget: get(row, 'overall') || undefined, leadUnitId, partnerUnitIds, dueOn, stages: stages.sort((a, b) => a.dueOn.localeCompare(b.dueOn)) });
  }
  if (errors.length) throw badRequest(`任务分工表有${errors.length}处错误，未导入任何内容`, errors.slice(0, 50));
  if (!sections.length) throw badRequest('任务分工表中没有任务行', [{ field: 'file', message: '没有任务行' }]);
  const today = todayInChina(ctx.clock);
  return {
    title: title || '任务分工方案',
    kind: 'action_plan',
    regionId: meta.regionId,
    startYear: Math.min(Number(today.slice(0, 4)), ...years),
    endYear: Math.max(...years),
    sections,
  };
}

type PlanView = Awaited<ReturnType<typeof getPlan>>;

function divisionRows(plan: PlanView): string[][] {
  const rows: string[][] = [];
  let n = 0;
  for (const s of plan.sections) {
    for (const [i, t] of s.tasks.entries()) {
      rows.push([
        String(++n),
        i === 0 ? `${s.title}` : '',
        t.measures ?? t.title,
        t.dueOn.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`),
        t.overallTarget ?? '',
        t.stages.map((st) => `${st.dueOn}：${st.target}`).join('\n'),
        t.leadUnit.name,
        t.partnerUnits.map((u) => u.name).join('、'),
      ]);
    }
  }
  return rows;
}

export async function exportDivisionDocx(ctx: AppContext, actor: Actor, planId: string): Promise<{ name: string; data: Buffer }> {
  const plan = await getPlan(ctx, actor, planId);
  const data = await buildDocx({
    title: `${plan.title}职责任务分工`,
    subtitle: `（${plan.startYear}—${plan.endYear}年）`,
    landscape: true,
    blocks: [{ kind: 'table', columns: DIVISION_COLUMNS.map((c) => ({ title: c.title, width: c.width })), rows: divisionRows(plan) }],
    issuer: plan.ownerUnit.name,
    date: todayInChina(ctx.clock),
  });
  return { name: `${plan.title}-任务分工.docx`, data };
}

export async function exportDivisionXlsx(ctx: AppContext, actor: Actor, planId: string): Promise<{ name: string; data: Buffer }> {
  const plan = await getPlan(ctx, actor, planId);
  const wb = new ExcelJS.Workbook();
  wb.creator = '和谐 · 劳动关系公共服务平台';
  const ws = wb.addWorksheet('任务分工', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.mergeCells(1, 1, 1, DIVISION_COLUMNS.length);
  ws.getCell(1, 1).value = `${plan.title}职责任务分工`;
  ws.getCell(1, 1).font = { name: '方正小标宋简体', size: 18 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = ws.getRow(2);
  DIVISION_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).value = c.title;
    header.getCell(i + 1).font = { name: '黑体', bold: true };
    ws.getColumn(i + 1).width = c.width * 1.6;
  });
  for (const r of divisionRows(plan)) {
    const row = ws.addRow(r);
    row.alignment = { wrapText: true, vertical: 'middle' };
    row.font = { name: '仿宋_GB2312', size: 11 };
  }
  ws.eachRow((row) => row.eachCell((cell) => (cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } })));
  return { name: `${plan.title}-任务分工.xlsx`, data: Buffer.from(await wb.xlsx.writeBuffer()) };
}
