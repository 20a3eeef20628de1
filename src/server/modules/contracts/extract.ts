import path from 'node:path';
import { createRequire } from 'node:module';
import mammoth from 'mammoth';

export type ContractFileType = 'docx' | 'pdf';

export interface Extracted {
  type: ContractFileType;
  mime: string;
  text: string;
  /** False for scanned PDFs (images without a text layer): stored, but flagged as not searchable. */
  searchable: boolean;
  pages?: number;
}

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** The file type from its bytes (a .docx is a zip, a PDF starts with %PDF), whatever the name says. */
export function sniff(data: Buffer): ContractFileType | undefined {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (data[0] === 0x50 && data[1] === 0x4b && data.includes(Buffer.from('word/document.xml'))) return 'docx';
  return undefined;
}

/** PDF lines are wrapped at the page width: join a full line to the next so words split across lines are found. */
function unwrap(lines: string[]): string {
  const longest = Math.max(0, ...lines.map((l) => l.length));
  let out = '';
  for (const line of lines) {
    const l = line.replace(/(?<=[\u4e00-\u9fff]) (?=[\d\u4e00-\u9fff])|(?<=\d) (?=[\u4e00-\u9fff])/g, '');
    out += l;
    out += l.length >= longest * 0.8 && longest > 20 ? '' : '\n';
  }
  return out.trim();
}

async function pdfText(data: Buffer): Promise<{ text: string; pages: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(data),
    cMapUrl: path.join(root, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
    isEvalSupported: false,
    useSystemFonts: false,
  }).promise;
  try {
    const lines: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      let line = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      if (line) lines.push(line);
    }
    return { text: unwrap(lines), pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

/** Extracts the text of an uploaded contract; throws a plain Error with a Chinese message on unreadable files. */
export async function extractText(data: Buffer): Promise<Extracted> {
  const type = sniff(data);
  if (!type) throw new Error('只支持 .docx 或 .pdf 格式的合同文本');
  if (type === 'docx') {
    const r = await mammoth.extractRawText({ buffer: data }).catch(() => {
      throw new Error('无法读取该 .docx 文件');
    });
    const text = r.value.replace(/\n{3,}/g, '\n\n').trim();
    return { type, mime: MIME.docx, text, searchable: text.length > 0 };
  }
  const r = await pdfText(data).catch(() => {
    throw new Error('无法读取该 PDF 文件');
  });
  const searchable = r.text.replace(/\s/g, '').length >= 10;
  return { type, mime: MIME.pdf, text: searchable ? r.text : '', searchable, pages: r.pages };
}
