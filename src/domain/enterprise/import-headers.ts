/**
 * Tolerant mapping of ledger column headers (台账表头) to registry fields. Chinese government spreadsheets
 * name the same column in many ways; headers are normalised (spaces, full-width brackets, required-marks,
 * units in brackets) before lookup.
 */
export const IMPORT_FIELDS = {
  name: ['企业名称', '单位名称', '企业名', '名称', '用人单位', '用人单位名称', '企业（单位）名称', '企业全称'],
  uscc: ['统一社会信用代码', '信用代码', '社会信用代码', '统一代码', '统一社会信用代码（注册号）', '信用代码号'],
  street: ['所属街道', '街道', '镇街', '街道（镇）', '所在镇街', '所属镇街', '所属街道（镇）', '街镇', '镇（街道）', '所在街道'],
  park: ['所属园区', '园区', '所在园区', '工业园区'],
  legalRepresentative: ['法定代表人', '法人代表', '法人', '负责人', '法定代表人（负责人）'],
  address: ['地址', '注册地址', '经营地址', '企业地址', '单位地址', '住所', '详细地址'],
  industry: ['行业', '所属行业', '行业门类', '行业分类', '国民经济行业', '行业类别'],
  ownership: ['经济类型', '企业类型', '所有制', '登记注册类型', '经济性质', '企业性质'],
  size: ['企业规模', '规模', '规模类型'],
  headcount: ['职工人数', '从业人数', '员工人数', '在职人数', '用工人数', '职工总数', '在岗职工人数', '人数'],
  isKey: ['重点企业', '是否重点企业', '规上企业', '是否规上', '是否规上企业', '规上/重点企业', '重点监测'],
  unionEstablished: ['是否建会', '已建工会', '建会情况', '工会', '是否成立工会', '工会组建情况'],
  unionEstablishedOn: ['建会时间', '建会日期', '工会成立时间', '工会成立日期'],
  unionChair: ['工会主席', '工会负责人'],
  unionMembers: ['工会会员数', '会员人数', '会员数', '工会会员人数', '入会人数'],
  contractSigningRate: ['劳动合同签订率', '合同签订率', '签订率'],
  contactName: ['联系人', '联系人姓名', '人事联系人'],
  contactPhone: ['联系电话', '联系人电话', '手机', '电话', '联系方式', '手机号码'],
  registeredOn: ['成立日期', '注册日期', '成立时间', '登记日期'],
} as const;
export type ImportField = keyof typeof IMPORT_FIELDS;
export const REQUIRED_IMPORT_FIELDS: ImportField[] = ['name', 'uscc'];

/** The template's headers: the first (canonical) name of each field, in this order. */
export const TEMPLATE_HEADERS: { field: ImportField; header: string; example: string }[] = [
  { field: 'name', header: '企业名称', example: '云溪示例制造有限公司' },
  { field: 'uscc', header: '统一社会信用代码', example: '91441999MA4W000008' },
  { field: 'street', header: '所属街道', example: '新桥街道' },
  { field: 'park', header: '所属园区', example: '新桥科创园' },
  { field: 'legalRepresentative', header: '法定代表人', example: '张三' },
  { field: 'address', header: '地址', example: '云溪区新桥街道科技路8号' },
  { field: 'industry', header: '行业', example: 'C 制造业' },
  { field: 'ownership', header: '经济类型', example: '有限责任公司' },
  { field: 'size', header: '企业规模', example: '小型' },
  { field: 'headcount', header: '职工人数', example: '85' },
  { field: 'isKey', header: '重点企业', example: '是' },
  { field: 'unionEstablished', header: '是否建会', example: '是' },
  { field: 'unionEstablishedOn', header: '建会时间', example: '2021-05-01' },
  { field: 'unionChair', header: '工会主席', example: '李四' },
  { field: 'unionMembers', header: '工会会员数', example: '70' },
  { field: 'contractSigningRate', header: '劳动合同签订率', example: '98%' },
  { field: 'contactName', header: '联系人', example: '王五' },
  { field: 'contactPhone', header: '联系电话', example: '13800000000' },
  { field: 'registeredOn', header: '成立日期', example: '2015-03-20' },
];

export function normalizeHeader(raw: string): string {
  return raw
    .normalize('NFKC') // full-width letters, digits and brackets → half-width
    .replace(/[\s*＊※:：]/g, '')
    .replace(/\(.*?\)$/, '') // trailing unit or note: 职工人数(人)
    .trim();
}

const LOOKUP = new Map<string, ImportField>();
for (const [field, names] of Object.entries(IMPORT_FIELDS) as [ImportField, readonly string[]][]) {
  for (const n of names) {
    LOOKUP.set(n.normalize('NFKC').replace(/\s/g, ''), field);
    LOOKUP.set(normalizeHeader(n), field);
  }
}

export function fieldForHeader(raw: string): ImportField | undefined {
  const whole = raw.normalize('NFKC').replace(/[\s*＊※:：]/g, '');
  return LOOKUP.get(whole) ?? LOOKUP.get(normalizeHeader(raw));
}

export interface HeaderMapping {
  /** column index → field */
  columns: Map<number, ImportField>;
  /** the header text in the file for each mapped field (for reports) */
  headerOf: Partial<Record<ImportField, string>>;
  missing: ImportField[];
  ignored: string[];
}

export function mapHeaders(headers: readonly string[]): HeaderMapping {
  const columns = new Map<number, ImportField>();
  const headerOf: Partial<Record<ImportField, string>> = {};
  const ignored: string[] = [];
  headers.forEach((h, i) => {
    const text = String(h ?? '').trim();
    if (!text) return;
    const f = fieldForHeader(text);
    if (f && !headerOf[f]) {
      columns.set(i, f);
      headerOf[f] = text;
    } else ignored.push(text);
  });
  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => !headerOf[f]);
  return { columns, headerOf, missing, ignored };
}

/**
 * Finds the header row among the first rows of a sheet: government ledgers put merged title rows
 * (“XX区企业台账（2026年）”, 填报单位, 日期) above it. The header row is the first that maps both required fields.
 */
export function findHeaderRow(rows: readonly (readonly string[])[], maxScan = 15): number {
  let best = -1;
  let bestCount = 0;
  for (let i = 0; i < Math.min(rows.length, maxScan); i++) {
    const m = mapHeaders(rows[i]!);
    if (m.missing.length === 0 && m.columns.size > bestCount) {
      best = i;
      bestCount = m.columns.size;
    }
  }
  return best;
}
