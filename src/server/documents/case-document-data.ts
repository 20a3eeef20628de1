import { z } from 'zod';
import { IsoDate, formatChineseDate } from '../../domain/calendar/iso-date';
import { formatYuan, toChineseCapital } from '../../domain/money/chinese-capital';
import type { Block } from './official-docx';

/**
 * The plain case data the document specs (case-documents.ts) are built from, and the blocks they share.
 * The service gathers the data (masking ID numbers as the design requires) and passes `dates.issued` from its clock.
 */
export const CaseDocumentData = z.object({
  caseNo: z.string().min(1),
  organisation: z.object({ name: z.string().min(1), address: z.string().optional(), phone: z.string().optional() }),
  applicants: z.array(z.object({ name: z.string().min(1), idNumberMasked: z.string().optional(), address: z.string().optional() })).min(1),
  respondent: z.object({
    name: z.string().min(1),
    uscc: z.string().min(1),
    legalRepresentative: z.string().optional(),
    address: z.string().optional(),
  }),
  claims: z.array(z.object({ typeLabel: z.string().min(1), description: z.string().optional(), amount: z.number().min(0).optional() })),
  facts: z.string(),
  dates: z.object({
    applied: IsoDate,
    accepted: IsoDate.optional(),
    /** 调解期限 from computeDeadlines (劳动争议调解仲裁法 第十四条). */
    mediationDue: IsoDate.optional(),
    session: IsoDate.optional(),
    agreementSigned: IsoDate.optional(),
    terminated: IsoDate.optional(),
    /** Date the document is issued (成文日期). */
    issued: IsoDate,
  }),
  mediators: z.array(z.string().min(1)).min(1),
  recorder: z.string().optional(),
  agreementTerms: z
    .array(
      z.object({
        obligor: z.string().min(1),
        description: z.string().min(1),
        amount: z.number().min(0).optional(),
        dueDate: IsoDate.optional(),
      }),
    )
    .default([]),
  /** 调解笔录: where and what was said. */
  session: z
    .object({
      place: z.string().optional(),
      time: z.string().optional(),
      attendees: z.array(z.string()).default([]),
      statements: z.array(z.object({ speaker: z.string().min(1), text: z.string().min(1) })).default([]),
    })
    .optional(),
  terminationReason: z.string().optional(),
  /** 调解建议书 to the employer: problems found and suggestions (常州 协商调解重点任务 (一)1). */
  suggestion: z
    .object({
      problems: z.array(z.string()).min(1),
      suggestions: z.array(z.string()).min(1),
      replyWithinDays: z.number().int().positive().optional(),
    })
    .optional(),
  /** 劳动人事争议仲裁委员会 that reviews the agreement or sends the case to mediation. */
  arbitrationCommittee: z.string().optional(),
  /** Worker portal: the parties' online confirmations of the agreement (who, when, SHA-256 of the text they read). */
  confirmations: z
    .array(z.object({ party: z.string().min(1), name: z.string().min(1), at: z.string().min(1), sha256: z.string().min(1) }))
    .optional(),
});
export type CaseDocumentData = z.infer<typeof CaseDocumentData>;
export type CaseDocumentInput = z.input<typeof CaseDocumentData>;

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 12 → 十二, 23 → 二十三 (list numbers and copy counts). */
export function chineseNumber(n: number): string {
  if (n < 1 || n > 99 || !Number.isInteger(n)) return String(n);
  if (n < 10) return DIGITS[n]!;
  return `${n >= 20 ? DIGITS[Math.floor(n / 10)]! : ''}十${DIGITS[n % 10]!}`;
}

export const applicantNames = (d: CaseDocumentData) =>
  d.applicants.length > 3 ? `${d.applicants[0]!.name}等${d.applicants.length}人` : d.applicants.map((a) => a.name).join('、');
export const you = (d: CaseDocumentData) => (d.applicants.length > 1 ? '你们' : '你');
export const claimSummary = (d: CaseDocumentData) => d.claims.map((c) => c.typeLabel).join('、') || '劳动';
export const withAmount = (amount: number) => `人民币${formatYuan(amount)}元（大写：${toChineseCapital(amount)}）`;

export function partyFields(d: CaseDocumentData, applicantLabel = '申请人', respondentLabel = '被申请人'): Block[] {
  const applicants: Block =
    d.applicants.length > 3
      ? { kind: 'fields', rows: [{ label: applicantLabel, value: `${applicantNames(d)}（名单附后）` }] }
      : {
          kind: 'fields',
          rows: d.applicants.map((a) => ({
            label: applicantLabel,
            value: [a.name, a.idNumberMasked && `公民身份号码：${a.idNumberMasked}`, a.address && `住址：${a.address}`]
              .filter(Boolean)
              .join('，'),
          })),
        };
  const r = d.respondent;
  const respondent: Block = {
    kind: 'fields',
    rows: [
      { label: respondentLabel, value: `${r.name}，统一社会信用代码：${r.uscc}` },
      ...(r.legalRepresentative ? [{ label: '法定代表人', value: r.legalRepresentative }] : []),
      ...(r.address ? [{ label: '住所', value: r.address }] : []),
    ],
  };
  return [applicants, respondent];
}

export function applicantList(d: CaseDocumentData): Block[] {
  if (d.applicants.length <= 3) return [];
  return [
    { kind: 'heading', level: 1, text: '附：申请人名单' },
    {
      kind: 'table',
      columns: [
        { title: '序号', width: 1, align: 'center' },
        { title: '姓名', width: 3 },
        { title: '公民身份号码', width: 5 },
      ],
      rows: d.applicants.map((a, i) => [String(i + 1), a.name, a.idNumberMasked ?? '']),
    },
  ];
}

export function claimsTable(d: CaseDocumentData): Block {
  return {
    kind: 'table',
    columns: [
      { title: '序号', width: 1, align: 'center' },
      { title: '请求事项', width: 4 },
      { title: '金额（元）', width: 2.2, align: 'right' },
      { title: '大写金额', width: 4.2 },
    ],
    rows: d.claims.map((c, i) => [
      String(i + 1),
      c.description ? `${c.typeLabel}（${c.description}）` : c.typeLabel,
      c.amount === undefined ? '—' : formatYuan(c.amount),
      c.amount === undefined ? '—' : toChineseCapital(c.amount),
    ]),
  };
}

export function termSentences(d: CaseDocumentData): Block[] {
  const blocks: Block[] = d.agreementTerms.map((t, i) => ({
    kind: 'paragraph',
    text: `${chineseNumber(i + 1)}、${t.obligor}${t.dueDate ? `于${formatChineseDate(t.dueDate)}前` : ''}${t.description}${
      t.amount === undefined ? '' : withAmount(t.amount)
    }。`,
  }));
  const amounts = d.agreementTerms.map((t) => t.amount).filter((a): a is number => a !== undefined);
  if (amounts.length > 1) {
    const total = amounts.reduce((a, b) => a + b, 0);
    blocks.push({ kind: 'paragraph', text: `以上款项合计${withAmount(total)}。` });
  }
  return blocks;
}
