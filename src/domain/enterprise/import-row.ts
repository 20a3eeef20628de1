import { isMobilePhone } from '../identifiers/id-number';
import { normalizeUscc, validateUscc } from '../identifiers/uscc';
import { INDUSTRY_SECTIONS, OWNERSHIP_TYPES, SIZE_CLASSES, sizeClassFromHeadcount, type IndustryCode, type Ownership, type SizeClass } from './industries';
import type { ImportField } from './import-headers';

/** A ledger row after validation: what the registry stores (undefined = the file left it empty). */
export interface ImportedEnterprise {
  name: string;
  uscc: string;
  regionId?: string;
  legalRepresentative?: string;
  address?: string;
  industryCode?: IndustryCode;
  ownership?: Ownership;
  sizeClass?: SizeClass;
  headcount?: number;
  isKey?: boolean;
  unionEstablished?: boolean;
  unionEstablishedOn?: string;
  unionChair?: string;
  unionMembers?: number;
  contractSigningRate?: number;
  contactName?: string;
  contactPhone?: string;
  registeredOn?: string;
}

export interface RowProblem {
  field: ImportField;
  reason: string;
}

export interface RegionResolver {
  /** street/town by name → id, or undefined */
  street(name: string): string | undefined;
  /** park by name → {id, streetId}, or undefined */
  park(name: string): { id: string; streetId: string } | undefined;
}

const TRUE = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '已建', '已建会', '有', '已成立', '重点', '规上']);
const FALSE = new Set(['否', 'n', 'no', 'false', '0', '×', '未建', '未建会', '无', '未成立', '']);

export function parseBool(raw: string): boolean | undefined {
  const v = raw.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return undefined;
}

/** Dates as ledgers write them: 2021-05-01, 2021/5/1, 2021.5.1, 2021年5月1日, 20210501, or an Excel serial day. */
export function parseDate(raw: string): string | undefined {
  const v = raw.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
    return date.toISOString().slice(0, 10);
  }
  m = /^(\d{5})(?:\.\d+)?$/.exec(v);
  if (m) {
    const serial = Number(m[1]);
    if (serial < 2 || serial > 80000) return undefined;
    return new Date(Date.UTC(1899, 11, 30) + serial * 86400_000).toISOString().slice(0, 10);
  }
  return undefined;
}

export function parseIntStrict(raw: string): number | undefined {
  const v = raw.trim().replace(/[,，]/g, '').replace(/人$/, '');
  if (!/^\d+(\.0+)?$/.test(v)) return undefined;
  return Number.parseInt(v, 10);
}

/** 98% · 0.98 · 98 → 0.98 */
export function parseRate(raw: string): number | undefined {
  const v = raw.trim().replace(/％/g, '%');
  const pct = v.endsWith('%');
  const n = Number(pct ? v.slice(0, -1) : v);
  if (!Number.isFinite(n) || n < 0) return undefined;
  const r = pct || n > 1 ? n / 100 : n;
  return r <= 1 ? Math.round(r * 10000) / 10000 : undefined;
}

const INDUSTRY_BY_NAME = new Map<string, IndustryCode>(Object.entries(INDUSTRY_SECTIONS).map(([k, v]) => [v, k as IndustryCode]));
export function parseIndustry(raw: string): IndustryCode | undefined {
  const v = raw.trim().normalize('NFKC');
  const letter = /^([A-Ta-t])(?:$|[\s\-—_、.:：(])/.exec(v);
  if (letter) return letter[1]!.toUpperCase() as IndustryCode;
  const exact = INDUSTRY_BY_NAME.get(v);
  if (exact) return exact;
  for (const [name, code] of INDUSTRY_BY_NAME) if (v.includes(name) || (v.length >= 2 && name.startsWith(v))) return code;
  return undefined;
}

const SIZE_BY_NAME = new Map(Object.entries(SIZE_CLASSES).flatMap(([k, v]) => [[v, k], [v.slice(0, 1), k], [v + '企业', k], [k, k]]) as [string, SizeClass][]);
export const parseSize = (raw: string): SizeClass | undefined => SIZE_BY_NAME.get(raw.trim().toLowerCase()) ?? SIZE_BY_NAME.get(raw.trim());

const OWNERSHIP_HINTS: [RegExp, Ownership][] = [
  [/国有|国企/, 'state'],
  [/集体/, 'collective'],
  [/港|澳|台/, 'hmt'],
  [/外商|外资|中外|独资.*外/, 'foreign'],
  [/股份/, 'joint_stock'],
  [/有限责任|有限公司/, 'llc'],
  [/私营|民营/, 'private'],
  [/个体/, 'individual'],
];
export function parseOwnership(raw: string): Ownership {
  const v = raw.trim();
  for (const [k, label] of Object.entries(OWNERSHIP_TYPES)) if (v === label || v === k) return k as Ownership;
  for (const [re, k] of OWNERSHIP_HINTS) if (re.test(v)) return k;
  return 'other';
}

const PHONE = /^(?:\+?86[- ]?)?(?:1\d{10}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|\d{7,8})$/;

type Cells = Partial<Record<ImportField, string>>;

/** The trimmed text of a field, undefined when empty. (Helpers at module level, not closures per row: a 100,000-row ledger.) */
function cell(cells: Cells, f: ImportField): string | undefined {
  const v = cells[f]?.trim();
  return v ? v : undefined;
}

function text(cells: Cells, out: ImportedEnterprise, problems: RowProblem[], f: 'legalRepresentative' | 'address' | 'unionChair' | 'contactName', max: number): void {
  const v = cell(cells, f);
  if (v === undefined) return;
  if (v.length > max) problems.push({ field: f, reason: `内容过长（不超过${max}字）` });
  else out[f] = v;
}

function bool(cells: Cells, out: ImportedEnterprise, problems: RowProblem[], f: 'isKey' | 'unionEstablished', label: string): void {
  const v = cell(cells, f);
  if (v === undefined) return;
  const b = parseBool(v);
  if (b === undefined) problems.push({ field: f, reason: `${label}应填写“是”或“否”，当前为“${v}”` });
  else out[f] = b;
}

function date(cells: Cells, out: ImportedEnterprise, problems: RowProblem[], today: string, f: 'unionEstablishedOn' | 'registeredOn', label: string): void {
  const v = cell(cells, f);
  if (v === undefined) return;
  const d = parseDate(v);
  if (!d) problems.push({ field: f, reason: `${label}不是有效日期“${v}”（如 2021-05-01）` });
  else if (d > today) problems.push({ field: f, reason: `${label}不能晚于今天` });
  else out[f] = d;
}

/**
 * Validates one ledger row. `cells` holds the trimmed text of each mapped field. Returns the record and
 * the problems found, each naming its field; a row with any problem is rejected as a whole.
 */
export function validateImportRow(cells: Cells, regions: RegionResolver, today: string): { value?: ImportedEnterprise; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const name = cell(cells, 'name');
  if (!name) problems.push({ field: 'name', reason: '企业名称不能为空' });
  else if (name.length < 2 || name.length > 100) problems.push({ field: 'name', reason: '企业名称应为2至100个字' });
  const rawUscc = cell(cells, 'uscc');
  let uscc = '';
  if (!rawUscc) problems.push({ field: 'uscc', reason: '统一社会信用代码不能为空' });
  else {
    uscc = normalizeUscc(rawUscc);
    const check = validateUscc(uscc);
    if (!check.valid) problems.push({ field: 'uscc', reason: check.reason });
  }
  const out: ImportedEnterprise = { name: name ?? '', uscc };

  const streetName = cell(cells, 'street');
  const parkName = cell(cells, 'park');
  let streetId: string | undefined;
  if (streetName) {
    streetId = regions.street(streetName);
    if (!streetId) problems.push({ field: 'street', reason: `未知的街道（镇）“${streetName}”` });
  }
  if (parkName) {
    const park = regions.park(parkName);
    if (!park) problems.push({ field: 'park', reason: `未知的园区“${parkName}”` });
    else if (streetId && park.streetId !== streetId) problems.push({ field: 'park', reason: `园区“${parkName}”不在${streetName}` });
    else out.regionId = park.id;
  } else if (streetId) out.regionId = streetId;

  text(cells, out, problems, 'legalRepresentative', 30);
  text(cells, out, problems, 'address', 200);
  text(cells, out, problems, 'unionChair', 30);
  text(cells, out, problems, 'contactName', 30);

  const industry = cell(cells, 'industry');
  if (industry) {
    const code = parseIndustry(industry);
    if (!code) problems.push({ field: 'industry', reason: `无法识别的行业“${industry}”（请填写国民经济行业门类，如“C 制造业”）` });
    else out.industryCode = code;
  }
  const ownership = cell(cells, 'ownership');
  if (ownership) out.ownership = parseOwnership(ownership);

  const headcount = cell(cells, 'headcount');
  if (headcount) {
    const n = parseIntStrict(headcount);
    if (n === undefined || n > 1_000_000) problems.push({ field: 'headcount', reason: `职工人数应为非负整数，当前为“${headcount}”` });
    else out.headcount = n;
  }
  const size = cell(cells, 'size');
  if (size) {
    const sc = parseSize(size);
    if (!sc) problems.push({ field: 'size', reason: `无法识别的企业规模“${size}”（大型/中型/小型/微型）` });
    else out.sizeClass = sc;
  } else if (out.headcount !== undefined) out.sizeClass = sizeClassFromHeadcount(out.headcount);

  bool(cells, out, problems, 'isKey', '重点企业');
  bool(cells, out, problems, 'unionEstablished', '是否建会');

  date(cells, out, problems, today, 'unionEstablishedOn', '建会时间');
  date(cells, out, problems, today, 'registeredOn', '成立日期');
  if (out.unionEstablishedOn && out.unionEstablished === undefined) out.unionEstablished = true;
  if (out.unionEstablishedOn && out.unionEstablished === false) problems.push({ field: 'unionEstablished', reason: '填写了建会时间，但“是否建会”为否' });

  const members = cell(cells, 'unionMembers');
  if (members) {
    const n = parseIntStrict(members);
    if (n === undefined) problems.push({ field: 'unionMembers', reason: `工会会员数应为非负整数，当前为“${members}”` });
    else if (out.headcount !== undefined && n > out.headcount) problems.push({ field: 'unionMembers', reason: `工会会员数（${n}）不能多于职工人数（${out.headcount}）` });
    else out.unionMembers = n;
  }
  const rate = cell(cells, 'contractSigningRate');
  if (rate) {
    const r = parseRate(rate);
    if (r === undefined) problems.push({ field: 'contractSigningRate', reason: `劳动合同签订率应为0%至100%，当前为“${rate}”` });
    else out.contractSigningRate = r;
  }
  const phone = cell(cells, 'contactPhone');
  if (phone) {
    const p = phone.replace(/[\s()（）]/g, '');
    if (!PHONE.test(p) && !isMobilePhone(p)) problems.push({ field: 'contactPhone', reason: `联系电话格式不正确“${phone}”` });
    else out.contactPhone = p;
  }
  return problems.length ? { problems } : { value: out, problems };
}
