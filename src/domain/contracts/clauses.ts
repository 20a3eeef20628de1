import type { ContractKind } from './types';

/** 集体合同规定 第八条: the fifteen subjects of collective negotiation, each with the words that show it in a text. */
export const SUBJECTS = [
  { code: 'remuneration', label: '劳动报酬', patterns: [/劳动报酬/, /工资/, /薪酬/] },
  { code: 'working_time', label: '工作时间', patterns: [/工作时间/, /工时/, /延长工作/] },
  { code: 'rest_leave', label: '休息休假', patterns: [/休息休假/, /休假/, /休息日/, /年休假/] },
  { code: 'safety_health', label: '劳动安全与卫生', patterns: [/劳动安全/, /安全卫生/, /职业卫生/, /职业病/, /劳动保护用品/] },
  { code: 'insurance_welfare', label: '补充保险和福利', patterns: [/补充保险/, /补充医疗/, /企业年金/, /福利/] },
  { code: 'special_protection', label: '女职工和未成年工特殊保护', patterns: [/女职工/, /未成年工/] },
  { code: 'training', label: '职业技能培训', patterns: [/职业技能培训/, /技能培训/, /培训/] },
  { code: 'contract_management', label: '劳动合同管理', patterns: [/劳动合同管理/, /劳动合同的订立/, /订立劳动合同/, /劳动合同/] },
  { code: 'rewards_penalties', label: '奖惩', patterns: [/奖惩/, /奖励/, /惩处/, /处分/] },
  { code: 'layoffs', label: '裁员', patterns: [/裁员/, /裁减人员/] },
  { code: 'term', label: '集体合同期限', patterns: [/合同期限/, /有效期/, /期限为/, /期限自/] },
  { code: 'change_termination', label: '变更、解除集体合同的程序', patterns: [/变更.{0,10}解除/, /(变更|解除)(本|集体)合同/, /(本|集体)合同的(变更|解除)/] },
  { code: 'dispute_handling', label: '履行集体合同发生争议时的协商处理办法', patterns: [/履行.{0,12}争议/, /争议.{0,8}协商/, /协商处理/] },
  { code: 'liability', label: '违反集体合同的责任', patterns: [/违反.{0,10}(责任)/, /违约责任/, /承担.{0,6}责任/] },
  { code: 'other', label: '双方认为应当协商的其他内容', patterns: [/其他(事项|内容)/, /其它(事项|内容)/] },
] as const;
export type SubjectCode = (typeof SUBJECTS)[number]['code'];

/** The subjects a contract of each kind must cover (the 15th, "other", is never required). */
export const REQUIRED_SUBJECTS: Record<ContractKind, readonly SubjectCode[]> = {
  comprehensive: SUBJECTS.map((s) => s.code).filter((c) => c !== 'other'),
  wage: ['remuneration', 'term', 'liability'],
  female: ['special_protection', 'term', 'liability'],
};

/**
 * 劳动合同法 第五十二条: a special contract must deal with its own subject in substance — a wage contract
 * with the wage-adjustment mechanism, a female workers' contract with the protections of 女职工劳动保护特别规定.
 */
export const SPECIAL_ELEMENTS: Record<Exclude<ContractKind, 'comprehensive'>, readonly { label: string; pattern: RegExp }[]> = {
  wage: [
    { label: '工资分配制度或工资标准', pattern: /工资(分配|标准|水平|等级|结构)/ },
    { label: '工资调整（增长）机制', pattern: /工资.{0,6}(调整|增长|增幅)|(调整|增长).{0,6}工资/ },
    { label: '工资支付办法', pattern: /工资.{0,6}(支付|发放)|(按月|每月).{0,10}(支付|发放)/ },
  ],
  female: [
    { label: '经期保护', pattern: /经期/ },
    { label: '孕期保护', pattern: /孕期|怀孕/ },
    { label: '产期（产假）保护', pattern: /产期|产假/ },
    { label: '哺乳期保护', pattern: /哺乳/ },
  ],
};

export interface Excerpt {
  start: number;
  end: number;
  text: string;
}

export type Finding =
  | { type: 'subject'; code: SubjectCode; label: string; required: boolean; present: boolean; excerpts: Excerpt[]; message: string }
  | { type: 'special'; label: string; present: boolean; excerpts: Excerpt[]; message: string }
  | { type: 'wage_below_minimum'; amount: number; unit: 'month' | 'hour'; minimum: number; excerpts: Excerpt[]; message: string }
  | { type: 'no_text'; message: string };

export interface MinimumWage {
  monthly: number;
  hourly: number;
}

export interface ClauseReport {
  findings: Finding[];
  /** Required subjects missing, special elements missing, wage figures below the minimum. */
  problems: number;
  covered: number;
  required: number;
}

const excerptAt = (text: string, start: number, end: number): Excerpt => {
  const a = Math.max(0, start - 6);
  const b = Math.min(text.length, end + 30);
  return { start, end, text: text.slice(a, b).replace(/\s+/g, ' ') };
};

function findAll(text: string, patterns: readonly RegExp[], limit = 3): Excerpt[] {
  const out: Excerpt[] = [];
  for (const p of patterns) {
    const re = new RegExp(p.source, 'g');
    for (let m = re.exec(text); m && out.length < limit; m = re.exec(text)) out.push(excerptAt(text, m.index, m.index + m[0].length));
    if (out.length) break;
  }
  return out;
}

const WAGE_CONTEXT = /工资|薪酬|劳动报酬|底薪|基本工资|收入/;
const NOT_A_WAGE = /补贴|津贴|奖金|奖励|福利|费|增长|增加|提高|上调|罚|赔偿|补偿|年金|保险/;

/**
 * Wage figures stated in the text (元 per month or per hour) next to a wage word. Percentages, allowances
 * and increments are not wage levels and are ignored.
 */
export function wageFigures(text: string): { amount: number; unit: 'month' | 'hour'; start: number; end: number }[] {
  const out: { amount: number; unit: 'month' | 'hour'; start: number; end: number }[] = [];
  const re = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*元(\s*[/／每]\s*(小时|月)|每(小时|月))?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const amount = Number(m[1]!.replace(/,/g, '') + (m[2] ? `.${m[2]}` : ''));
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
    const sentence = before.split(/[。；;，,\n]/).pop() ?? '';
    if (!WAGE_CONTEXT.test(sentence)) continue;
    const tail = sentence.slice(-10);
    if (NOT_A_WAGE.test(tail)) continue;
    const unitWord = m[4] ?? m[5] ?? (/小时/.test(sentence.slice(-8) + after) ? '小时' : '月');
    const unit = unitWord === '小时' ? 'hour' : 'month';
    if (unit === 'month' && amount < 100) continue;
    out.push({ amount, unit, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * 集体合同规定 第八条 (the fifteen subjects); 劳动合同法 第五十二条 (special contracts);
 * 劳动合同法 第五十五条: the wage standards of a collective contract may not be below the local minimum.
 */
export function checkClauses(text: string, kind: ContractKind, minimumWage?: MinimumWage): ClauseReport {
  if (!text.trim()) return { findings: [{ type: 'no_text', message: '未能提取合同文本（扫描件），无法自动审查条款，请人工核对' }], problems: 1, covered: 0, required: REQUIRED_SUBJECTS[kind].length };
  const findings: Finding[] = [];
  const required = new Set<SubjectCode>(REQUIRED_SUBJECTS[kind]);
  let covered = 0;
  let problems = 0;
  for (const s of SUBJECTS) {
    const excerpts = findAll(text, s.patterns);
    const present = excerpts.length > 0;
    const isRequired = required.has(s.code);
    if (present && isRequired) covered++;
    if (!present && isRequired) problems++;
    findings.push({
      type: 'subject',
      code: s.code,
      label: s.label,
      required: isRequired,
      present,
      excerpts,
      message: present ? `已约定：${s.label}` : isRequired ? `未见“${s.label}”的约定（集体合同规定 第八条）` : `未约定：${s.label}（非必备）`,
    });
  }
  if (kind !== 'comprehensive') {
    for (const el of SPECIAL_ELEMENTS[kind]) {
      const excerpts = findAll(text, [el.pattern]);
      if (!excerpts.length) problems++;
      findings.push({
        type: 'special',
        label: el.label,
        present: excerpts.length > 0,
        excerpts,
        message: excerpts.length ? `专项内容已约定：${el.label}` : `专项集体合同未约定“${el.label}”（劳动合同法 第五十二条）`,
      });
    }
  }
  if (minimumWage) {
    for (const w of wageFigures(text)) {
      const minimum = w.unit === 'hour' ? minimumWage.hourly : minimumWage.monthly;
      if (w.amount >= minimum) continue;
      problems++;
      findings.push({
        type: 'wage_below_minimum',
        amount: w.amount,
        unit: w.unit,
        minimum,
        excerpts: [excerptAt(text, w.start, w.end)],
        message: `工资标准${w.amount}元/${w.unit === 'hour' ? '小时' : '月'}低于当地最低工资标准${minimum}元/${w.unit === 'hour' ? '小时' : '月'}（劳动合同法 第五十五条）`,
      });
    }
  }
  return { findings, problems, covered, required: required.size };
}
