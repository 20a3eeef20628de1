import { addDays } from '../calendar';

/** 保障农民工工资支付条例 (2020) 第四章 工程建设领域特别规定: what a construction project must have on record. */
export interface ProjectFacts {
  wageAccountOpened: boolean;
  guaranteeForm: 'deposit' | 'bank_guarantee' | 'exempt' | null;
  realNameWorkers: number;
  laborManager: string | null;
  infoBoard: boolean;
}
export interface ProjectDeficit {
  code: 'WAGE_ACCOUNT' | 'GUARANTEE' | 'REAL_NAME' | 'LABOR_MANAGER' | 'INFO_BOARD';
  text: string;
  citation: string;
  penalty: string;
}

export function projectDeficits(f: ProjectFacts): ProjectDeficit[] {
  const out: ProjectDeficit[] = [];
  /** 保障农民工工资支付条例 第二十六条: 施工总承包单位应当开设农民工工资专用账户. */
  if (!f.wageAccountOpened) out.push({ code: 'WAGE_ACCOUNT', text: '未开设农民工工资专用账户', citation: '保障农民工工资支付条例 第二十六条', penalty: '第五十五条第（一）项' });
  /** 第三十二条: 施工总承包单位应当存储工资保证金（可以用金融机构保函替代）. */
  if (!f.guaranteeForm) out.push({ code: 'GUARANTEE', text: '未存储工资保证金或提供金融机构保函', citation: '保障农民工工资支付条例 第三十二条', penalty: '第五十五条第（二）项' });
  /** 第二十八条第一款: 用工实名登记. */
  if (f.realNameWorkers <= 0) out.push({ code: 'REAL_NAME', text: '未进行用工实名登记', citation: '保障农民工工资支付条例 第二十八条第一款', penalty: '第五十五条第（三）项' });
  /** 第二十八条第二款: 在工程项目部配备劳资专管员. */
  if (!f.laborManager) out.push({ code: 'LABOR_MANAGER', text: '未配备劳资专管员', citation: '保障农民工工资支付条例 第二十八条第二款', penalty: '第五十六条第（二）项' });
  /** 第三十四条: 在施工现场醒目位置设立维权信息告示牌. */
  if (!f.infoBoard) out.push({ code: 'INFO_BOARD', text: '未设立维权信息告示牌', citation: '保障农民工工资支付条例 第三十四条', penalty: '第五十六条第（四）项' });
  return out;
}

const monthOf = (date: string) => date.slice(0, 7);
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
const lastDay = (month: string) => addDays(`${nextMonth(month)}-01`, -1);

/**
 * The day by which a month's wages must be paid and confirmed: the project's pay day in the following month
 * (clamped to that month's last day). 保障农民工工资支付条例 第十二条 (按约定的支付周期和日期足额支付)、第十三条
 * (月工资制按月支付) and 第三十一条 (分包单位按月考核工作量并编制工资支付表，经农民工本人签字确认).
 */
export function payrollDueOn(month: string, payDay: number): string {
  const nm = nextMonth(month);
  const last = lastDay(nm);
  const day = Math.min(Math.max(1, payDay), Number(last.slice(8)));
  return `${nm}-${String(day).padStart(2, '0')}`;
}

/** Months from the project's start until `today` whose wage payment is overdue and not confirmed. */
export function missingPayrollMonths(p: { startOn: string; endOn: string | null; payDay: number }, confirmed: ReadonlySet<string>, today: string): { month: string; dueOn: string }[] {
  const out: { month: string; dueOn: string }[] = [];
  const endMonth = p.endOn ? monthOf(p.endOn) : monthOf(today);
  for (let m = monthOf(p.startOn); m <= endMonth; m = nextMonth(m)) {
    const dueOn = payrollDueOn(m, p.payDay);
    if (dueOn >= today) break;
    if (!confirmed.has(m)) out.push({ month: m, dueOn });
  }
  return out;
}

export const ARREARS_STATUSES = ['open', 'resolved', 'transferred'] as const;
export type ArrearsStatus = (typeof ARREARS_STATUSES)[number];
export const ARREARS_STATUS_LABELS: Record<ArrearsStatus, string> = { open: '处置中', resolved: '已结清', transferred: '已移送公安' };

/** Amount still owed after recoveries, never negative; a case resolves when nothing is owed. */
export function arrearsOutstanding(owed: number, recovered: number): number {
  return Math.max(0, Math.round((owed - recovered) * 100) / 100);
}
