import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { formatChineseDate } from '../../domain/calendar/iso-date';

/**
 * Documents in the layout Chinese offices expect (GB/T 9704-2012 党政机关公文格式, where no official template says
 * otherwise): A4, 版心 156 mm × 225 mm, 22 lines of 28 characters in 仿宋 三号, title in 小标宋 二号, page numbers
 * "— 1 —" in 宋体 四号 outside the text block.
 */

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface TextSpan {
  text: string;
  bold?: boolean;
  underline?: boolean;
}
export type Inline = string | TextSpan;

export type Block =
  /** Body text, first line indented two characters unless `indent: false`. */
  | { kind: 'paragraph'; text: Inline | readonly Inline[]; indent?: boolean; align?: Align }
  /** 一级 黑体, 二级 楷体, 三级 仿宋加粗 (GB/T 9704-2012 7.3.3); the caller writes the numbering (一、（一）1.). */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** "标签：内容" lines, e.g. the parties. */
  | { kind: 'fields'; rows: readonly { label: string; value: string }[] }
  /** A bordered table in 仿宋 四号; `width`s are relative. */
  | {
      kind: 'table';
      columns: readonly { title: string; width?: number; align?: Align }[];
      rows: readonly (readonly string[])[];
    }
  /** Lines to sign on: a label, an underlined blank, optionally a blank date (年 月 日). */
  | { kind: 'signatures'; rows: readonly { label: string; withDate?: boolean }[] }
  | { kind: 'blank'; lines?: number }
  | { kind: 'pageBreak' };

export interface OfficialDocSection {
  /** Printed as a level-1 heading. */
  heading?: string;
  blocks: readonly Block[];
}

export interface OfficialDoc {
  /** Lines of the title are separated by "\n". */
  title: string;
  /** Document number, e.g. 常武劳调〔2026〕12号. */
  docNo?: string;
  /** 主送 — the addressee, printed flush left with a colon. */
  addressee?: string;
  sections: readonly OfficialDocSection[];
  /** 发文机关署名; omitted for records that the parties sign instead. */
  issuer?: string;
  /** 成文日期, `YYYY-MM-DD`, printed as 2026年11月26日. */
  date?: string;
  /** Notes after the signature block (e.g. 本协议书一式三份…), flush left, 仿宋 三号. */
  notes?: readonly string[];
}

/** Millimetres to twips (1/1440 inch), rounded: 37 mm → 2098. */
export const mmToTwip = (mm: number): number => Math.round((mm * 1440) / 25.4);

export const PAGE = {
  width: mmToTwip(210),
  height: mmToTwip(297),
  margin: { top: mmToTwip(37), bottom: mmToTwip(35), left: mmToTwip(28), right: mmToTwip(26) },
} as const;

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  hei: '黑体',
  kai: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/**
 * Fonts to use where the preferred one is missing. A .docx cannot carry a real fallback chain; the font table's
 * altName (with the GB2312 charset) is what Word and WPS consult when substituting a missing font.
 */
export const FONT_FALLBACKS: Record<string, string> = {
  [FONTS.title]: '宋体',
  [FONTS.body]: '仿宋',
  [FONTS.kai]: '楷体',
  [FONTS.hei]: 'SimHei',
  [FONTS.pageNumber]: 'SimSun',
};

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
const SIZE = { title: 44, body: 32, small: 28 } as const;
const SIZE_BODY_TWIPS = SIZE.body * 10;

const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
const TEXT_HEIGHT = PAGE.height - PAGE.margin.top - PAGE.margin.bottom;
/** 22 lines per page: 12756 / 22 → 579 twips (28.95 pt), as fixed line spacing and as the section's line grid. */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / 22);
/**
 * 28 characters per line: body text is condensed by ¼ pt (15.75 pt per character, 28 × 15.75 = 441 pt of the 442 pt
 * line). A character grid (docGrid linesAndChars) would do the same in Word, but LibreOffice puts every 16 pt
 * character into two grid cells narrower than itself and halves the line, so the grid only fixes the lines.
 */
export const BODY_CHARACTER_SPACING = Math.floor(TEXT_WIDTH / 28) - SIZE_BODY_TWIPS;
/** One 三号 character (16 pt) in twips, the unit of indents (首行缩进2字, 右空4字). */
const CHAR = SIZE_BODY_TWIPS;

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

type FontKey = keyof typeof FONTS;

function font(key: FontKey) {
  const name = FONTS[key];
  return { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: name, cs: name };
}

function run(span: Inline, key: FontKey = 'body', size: number = SIZE.body): TextRun {
  const s = typeof span === 'string' ? { text: span } : span;
  return new TextRun({
    text: s.text,
    bold: s.bold,
    underline: s.underline ? {} : undefined,
    font: font(key),
    size,
    language: { eastAsia: 'zh-CN' },
    ...(size === SIZE.body ? { characterSpacing: BODY_CHARACTER_SPACING } : {}),
  });
}

const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
/** Word reads the characters, LibreOffice the twips; both come to 32 pt. */
const firstLineIndent = { firstLine: CHAR * 2, firstLineChars: 200 };

function bodyParagraph(text: Inline | readonly Inline[], opts: { indent?: boolean; align?: Align } = {}): Paragraph {
  const spans = Array.isArray(text) ? (text as readonly Inline[]) : [text as Inline];
  return new Paragraph({
    alignment: ALIGN[opts.align ?? 'justify'],
    spacing: exact(LINE_PITCH),
    indent: opts.indent === false ? undefined : firstLineIndent,
    children: spans.map((s) => run(s)),
  });
}

const blankParagraph = () => new Paragraph({ spacing: exact(LINE_PITCH), children: [run('')] });

function heading(level: 1 | 2 | 3, text: string): Paragraph {
  const key: FontKey = level === 1 ? 'hei' : level === 2 ? 'kai' : 'body';
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact(LINE_PITCH),
    indent: firstLineIndent,
    keepNext: true,
    children: [run({ text, bold: level === 3 }, key)],
  });
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const weights = block.columns.map((c) => c.width ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: ALIGN[header ? 'center' : (block.columns[i]?.align ?? 'left')],
            spacing: exact(440),
            children: [run(line, header ? 'hei' : 'body', SIZE.small)],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: CELL_BORDER,
      bottom: CELL_BORDER,
      left: CELL_BORDER,
      right: CELL_BORDER,
      insideHorizontal: CELL_BORDER,
      insideVertical: CELL_BORDER,
    },
    rows: [
      new TableRow({ tableHeader: true, children: block.columns.map((c, i) => cell(c.title, i, true)) }),
      ...block.rows.map((r) => new TableRow({ cantSplit: true, children: block.columns.map((_, i) => cell(r[i] ?? '', i, false)) })),
    ],
  });
}

const SIGN_DATE = '\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日';

/** A line to sign on, the blank filling what the label and date leave of the 28 characters (one spare). */
function signatureRow(label: string, withDate: boolean, keepNext: boolean): Paragraph {
  const used = 2 + textWidth(`${label}：`) + (withDate ? textWidth(SIGN_DATE) : 0);
  const blank = Math.max(4, Math.floor(27 - used));
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: exact(LINE_PITCH),
    indent: firstLineIndent,
    keepNext,
    children: [run(`${label}：`), run({ text: '\u3000'.repeat(blank), underline: true }), ...(withDate ? [run(SIGN_DATE)] : [])],
  });
}

function renderBlock(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'paragraph':
      return [bodyParagraph(block.text, block)];
    case 'heading':
      return [heading(block.level, block.text)];
    case 'fields':
      return block.rows.map((r) => bodyParagraph([`${r.label}：`, r.value]));
    case 'table':
      // An empty paragraph after a table keeps Word from merging consecutive tables.
      return [table(block), new Paragraph({ spacing: exact(LINE_PITCH / 2), children: [] })];
    case 'signatures':
      // The lines to sign stay on one page.
      return block.rows.map((r, i) => signatureRow(r.label, r.withDate ?? false, i < block.rows.length - 1));
    case 'blank':
      return Array.from({ length: block.lines ?? 1 }, blankParagraph);
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** Display width in characters: CJK and full-width forms count 1, ASCII ½. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

/**
 * 发文机关署名 centred over 成文日期, the date four characters from the right margin (GB/T 9704-2012 7.3.5.1);
 * a long issuer keeps two characters and the date is centred under it instead.
 */
function signatureBlock(issuer: string | undefined, date: string | undefined): Paragraph[] {
  if (!issuer && !date) return [];
  const dateText = date ? formatChineseDate(date) : '';
  const iw = issuer ? textWidth(issuer) : 0;
  const dw = textWidth(dateText);
  let dateRight = 4;
  let issuerRight = dateRight + (dw - iw) / 2;
  if (issuer && issuerRight < 2) {
    issuerRight = 2;
    dateRight = 2 + (iw - dw) / 2;
  }
  const line = (text: string, right: number, keepNext: boolean) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exact(LINE_PITCH),
      indent: { right: Math.round(right * CHAR) },
      keepNext,
      children: [run(text)],
    });
  return [
    blankParagraph(),
    ...(issuer ? [line(issuer, issuerRight, Boolean(date))] : []),
    ...(date ? [line(dateText, dateRight, false)] : []),
  ];
}

/** "— 1 —" in 宋体 四号: odd pages right, even pages left, one character in from the edge (GB/T 9704-2012 7.5). */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const part = (text: string) => new TextRun({ text, font: font('pageNumber'), size: SIZE.small });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        spacing: exact(300),
        children: [part('— '), new TextRun({ children: [PageNumber.CURRENT], font: font('pageNumber'), size: SIZE.small }), part(' —')],
      }),
    ],
  });
}

function fontTableXml(): string {
  const entry = (name: string, alt: string | undefined, family: string, pitch: string) =>
    `<w:font w:name="${name}">${alt ? `<w:altName w:val="${alt}"/>` : ''}<w:charset w:val="86"/>` +
    `<w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:font w:name="${FONTS.latin}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
    entry(FONTS.title, FONT_FALLBACKS[FONTS.title], 'script', 'variable') +
    entry(FONTS.body, FONT_FALLBACKS[FONTS.body], 'modern', 'fixed') +
    entry(FONTS.hei, FONT_FALLBACKS[FONTS.hei], 'modern', 'fixed') +
    entry(FONTS.kai, FONT_FALLBACKS[FONTS.kai], 'modern', 'fixed') +
    entry(FONTS.pageNumber, FONT_FALLBACKS[FONTS.pageNumber], 'auto', 'variable') +
    entry('仿宋', 'FangSong', 'modern', 'fixed') +
    entry('楷体', 'KaiTi', 'modern', 'fixed') +
    '</w:fonts>'
  );
}

export function buildOfficialDocument(spec: OfficialDoc): Document {
  const titleLines = spec.title.split('\n');
  const children: (Paragraph | Table)[] = [
    ...titleLines.map(
      (line) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: exact(Math.round(LINE_PITCH * 1.2)),
          children: [run(line, 'title', SIZE.title)],
        }),
    ),
    ...(spec.docNo ? [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exact(LINE_PITCH), children: [run(spec.docNo)] })] : []),
    blankParagraph(),
    ...(spec.addressee
      ? [new Paragraph({ alignment: AlignmentType.LEFT, spacing: exact(LINE_PITCH), children: [run(`${spec.addressee}：`)] })]
      : []),
    ...spec.sections.flatMap((s) => [...(s.heading ? [heading(1, s.heading)] : []), ...s.blocks.flatMap(renderBlock)]),
    ...signatureBlock(spec.issuer, spec.date),
    ...(spec.notes ?? []).map((n) => bodyParagraph(n, { indent: true })),
  ];
  return new Document({
    title: titleLines.join(''),
    creator: spec.issuer ?? '和谐劳动关系公共服务平台',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font('body'), size: SIZE.body, language: { eastAsia: 'zh-CN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
      // The character grid is relative to Normal's size (Word, LibreOffice); docx's own Normal has none.
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          quickFormat: true,
          run: { font: font('body'), size: SIZE.body, language: { eastAsia: 'zh-CN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, header: mmToTwip(15), footer: mmToTwip(22.7), gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
}

/** The .docx file of `spec`. */
export async function buildOfficialDocx(spec: OfficialDoc): Promise<Buffer> {
  return Packer.toBuffer(buildOfficialDocument(spec), false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
