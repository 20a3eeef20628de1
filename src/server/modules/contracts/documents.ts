import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from 'docx';

/**
 * A small GB/T 9704-2012 document builder for this module (the platform's shared official-docx builder
 * is not in this branch): A4, margins 37/35/28/26 mm, title 小标宋 二号, body 仿宋 三号 at 22 lines of 28
 * characters, the issuing body and date at the end.
 */
export interface OfficialDoc {
  title: string;
  /** 主送机关 / addressee, e.g. "云溪精密制造有限公司：". */
  recipient?: string;
  /** Body paragraphs; a paragraph starting with "一、" etc. is set as a level-1 heading in 黑体. */
  paragraphs: string[];
  issuer: string;
  date: string; // YYYY-MM-DD
  /** Lines after the date, e.g. 抄送. */
  footnotes?: string[];
}

const mm = (v: number) => Math.round(v * 56.6929);
const BODY = { font: { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' }, size: 32 };
const HEADING = { font: { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' }, size: 32 };
const TITLE = { font: { ascii: 'SimSun', eastAsia: '方正小标宋简体', hAnsi: 'SimSun' }, size: 44 };
const LINE = { line: 579, lineRule: LineRuleType.EXACT } as const; // 28.95 pt: 22 lines on the type area

export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export async function buildOfficialDocx(doc: OfficialDoc): Promise<Buffer> {
  const body: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 300 }, children: [new TextRun({ text: doc.title, ...TITLE })] }),
  ];
  if (doc.recipient) body.push(new Paragraph({ spacing: LINE, children: [new TextRun({ text: doc.recipient, ...BODY })] }));
  for (const p of doc.paragraphs) {
    const heading = /^[一二三四五六七八九十]+、/.test(p);
    body.push(new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED, children: [new TextRun({ text: p, ...(heading ? HEADING : BODY) })] }));
  }
  body.push(new Paragraph({ spacing: LINE, children: [] }), new Paragraph({ spacing: LINE, children: [] }));
  body.push(new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, indent: { right: 1280 }, children: [new TextRun({ text: doc.issuer, ...BODY })] }));
  body.push(new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, indent: { right: 1280 }, children: [new TextRun({ text: chineseDate(doc.date), ...BODY })] }));
  for (const f of doc.footnotes ?? []) body.push(new Paragraph({ spacing: LINE, children: [new TextRun({ text: f, ...BODY, size: 28 })] }));
  const d = new Document({
    creator: '和谐 · 劳动关系公共服务平台',
    title: doc.title,
    styles: { default: { document: { run: { ...BODY } } } },
    sections: [
      {
        properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } } },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(d);
}
