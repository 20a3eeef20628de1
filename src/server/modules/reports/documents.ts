import { AlignmentType, BorderStyle, Document, ImageRun, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';

/**
 * Official documents in the GB/T 9704-2012 layout (DESIGN.md): A4, margins 37/35/28/26 mm, title in
 * 小标宋 二号 (22 pt), body in 仿宋_GB2312 三号 (16 pt) at a fixed 28.9 pt line pitch (22 lines a page),
 * headings in 黑体 三号, the issuing body and date at the end. Wide tables use landscape A4 with the
 * same margins turned. Written with the `docx` package directly; when src/server/documents/official-docx.ts
 * lands, these specs map one-to-one onto its `buildOfficialDocx`.
 */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; columns: { title: string; width: number }[]; rows: string[][] }
  | { kind: 'image'; svg: string; png: Buffer; width: number; height: number; caption?: string };

export interface OfficialDocSpec {
  title: string;
  subtitle?: string;
  blocks: Block[];
  issuer: string;
  date: string; // YYYY-MM-DD
  landscape?: boolean;
}

const MM = 56.6929; // twips per millimetre
const FANGSONG = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
const HEITI = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };
const XIAOBIAOSONG = { ascii: 'SimSun', eastAsia: '方正小标宋简体', hAnsi: 'SimSun' };
const BODY_SIZE = 32; // half-points: 三号 16 pt
const LINE = 578; // twips: 28.9 pt fixed line pitch → 22 lines in the 225 mm text block

export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const body = (text: string, opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; font?: typeof FANGSONG; size?: number } = {}) =>
  new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    indent: opts.indent === false ? undefined : { firstLine: 640 },
    spacing: { line: LINE, lineRule: 'exact' },
    children: [new TextRun({ text, font: opts.font ?? FANGSONG, size: opts.size ?? BODY_SIZE })],
  });

function table(b: Extract<Block, { kind: 'table' }>, textWidth: number): Table {
  const total = b.columns.reduce((s, c) => s + c.width, 0);
  const widths = b.columns.map((c) => Math.floor((c.width / total) * textWidth));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: header || b.columns[i]!.width <= 8 ? AlignmentType.CENTER : AlignmentType.LEFT,
            children: [new TextRun({ text: line, font: header ? HEITI : FANGSONG, size: 21 })],
          }),
      ),
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: b.columns.map((c, i) => cell(c.title, i, true)) }),
      ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, false)) })),
    ],
  });
}

export async function buildDocx(spec: OfficialDocSpec): Promise<Buffer> {
  const pageW = (spec.landscape ? 297 : 210) * MM;
  const margins = spec.landscape ? { top: 28 * MM, bottom: 26 * MM, left: 37 * MM, right: 35 * MM } : { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
  const textWidth = Math.floor(pageW - margins.left - margins.right);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200, line: 720, lineRule: 'exact' }, children: [new TextRun({ text: spec.title, font: XIAOBIAOSONG, size: 44 })] }),
  ];
  if (spec.subtitle) children.push(body(spec.subtitle, { indent: false, align: AlignmentType.CENTER, font: FANGSONG }));
  for (const b of spec.blocks) {
    if (b.kind === 'heading') children.push(body(b.text, { font: HEITI }));
    else if (b.kind === 'paragraph') children.push(body(b.text));
    else if (b.kind === 'table') children.push(table(b, textWidth), new Paragraph({ children: [] }));
    else {
      const maxW = Math.floor(textWidth / 15); // twips → px at 96 dpi
      const w = Math.min(b.width, maxW);
      const h = Math.round((b.height * w) / b.width);
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new ImageRun({ type: 'svg', data: Buffer.from(b.svg, 'utf8'), fallback: { type: 'png', data: b.png }, transformation: { width: w, height: h }, altText: { name: b.caption ?? '图表', description: b.caption ?? '图表', title: b.caption ?? '图表' } })],
        }),
      );
      if (b.caption) children.push(body(b.caption, { indent: false, align: AlignmentType.CENTER, size: 24 }));
    }
  }
  children.push(new Paragraph({ children: [] }), body(spec.issuer, { indent: false, align: AlignmentType.RIGHT }), body(chineseDate(spec.date), { indent: false, align: AlignmentType.RIGHT }));
  const doc = new Document({
    creator: '和谐 · 劳动关系公共服务平台',
    title: spec.title,
    styles: { default: { document: { run: { font: FANGSONG, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 210 * MM, height: 297 * MM, orientation: spec.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: Math.round(margins.top), bottom: Math.round(margins.bottom), left: Math.round(margins.left), right: Math.round(margins.right) },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
