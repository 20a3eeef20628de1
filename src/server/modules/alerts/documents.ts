import { AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';

/**
 * Official letters as .docx in the GB/T 9704-2012 layout (DESIGN.md): A4; margins 37/35/28/26 mm;
 * title 小标宋 二号; body 仿宋 三号 at a fixed 28.95 pt line pitch (22 lines of 28 characters); issuing
 * body and date at the end. Written with `docx` directly until the shared official-docx builder lands.
 */
export interface OfficialLetter {
  issuer: string;
  docNumber: string;
  title: string;
  addressee: string;
  paragraphs: string[];
  /** Numbered items printed after the body (e.g. the reasons of an alert). */
  items?: { heading: string; lines: string[] }[];
  closing?: string;
  signer: string;
  date: Date;
  cc?: string;
}

const MM = 56.7; // twips per millimetre
const FANGSONG = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
const XIAOBIAOSONG = { ascii: 'FZXiaoBiaoSong-B05S', eastAsia: '方正小标宋简体', hAnsi: 'FZXiaoBiaoSong-B05S' };
const HEITI = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };
const BODY = 32; // 三号 16 pt in half-points
const LINE = { line: 579, lineRule: LineRuleType.EXACT }; // 28.95 pt

const run = (text: string, opts: { font?: typeof FANGSONG; size?: number; bold?: boolean; color?: string } = {}) =>
  new TextRun({ text, font: opts.font ?? FANGSONG, size: opts.size ?? BODY, bold: opts.bold, color: opts.color });
const body = (text: string, indent = true) => new Paragraph({ spacing: LINE, indent: indent ? { firstLine: 2 * 320 } : undefined, alignment: AlignmentType.JUSTIFIED, children: [run(text)] });

const DIGITS = '〇一二三四五六七八九';
/** 二〇二六年十一月二十六日 — dates on official documents are written in Chinese numerals. */
export function chineseDate(d: Date): string {
  const local = new Date(d.getTime() + 8 * 3600_000);
  const y = String(local.getUTCFullYear()).split('').map((c) => DIGITS[Number(c)]).join('');
  const num = (n: number) => (n <= 10 ? (n === 10 ? '十' : DIGITS[n]!) : n < 20 ? `十${DIGITS[n - 10]}` : `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`);
  return `${y}年${num(local.getUTCMonth() + 1)}月${num(local.getUTCDate())}日`;
}

export async function buildLetterDocx(l: OfficialLetter): Promise<Buffer> {
  const children: Paragraph[] = [
    // 版头: issuing body in red, document number, red separator line.
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 240 }, children: [run(l.issuer, { font: XIAOBIAOSONG, size: 52, color: 'C00000' })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 480 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 8 } },
      children: [run(l.docNumber)],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 480, line: 700, lineRule: LineRuleType.EXACT }, children: [run(l.title, { font: XIAOBIAOSONG, size: 44 })] }),
    new Paragraph({ spacing: LINE, children: [run(`${l.addressee}：`)] }),
    ...l.paragraphs.map((p) => body(p)),
  ];
  (l.items ?? []).forEach((item, i) => {
    children.push(new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [run(`${'一二三四五六七八九十'[i] ?? i + 1}、${item.heading}`, { font: HEITI })] }));
    for (const line of item.lines) children.push(body(line));
  });
  if (l.closing) children.push(body(l.closing));
  children.push(
    new Paragraph({ spacing: LINE, children: [run('')] }),
    new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, indent: { right: 4 * 320 }, children: [run(l.signer)] }),
    new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, indent: { right: 4 * 320 }, children: [run(chineseDate(l.date))] }),
  );
  if (l.cc) {
    children.push(
      new Paragraph({ spacing: LINE, children: [run('')] }),
      new Paragraph({ spacing: LINE, border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 }, bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } }, indent: { left: 320 }, children: [run(`抄送：${l.cc}。`, { size: 28 })] }),
    );
  }
  const doc = new Document({
    creator: l.issuer,
    title: l.title,
    styles: { default: { document: { run: { font: FANGSONG, size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM), footer: Math.round(28 * MM) - 400 },
          },
        },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { ascii: 'SimSun', eastAsia: '宋体' }, size: 28 })] })] }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
