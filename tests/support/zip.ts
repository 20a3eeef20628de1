import { readZipEntries } from '../../src/server/documents/read-zip';

/** The text of one entry of a zip archive (a .docx or .xlsx), or undefined when absent. */
export function readZipEntry(zip: Buffer, name: string): string | undefined {
  return readZipEntries(zip).get(name)?.toString('utf8');
}

/** The names of the entries of a zip archive. */
export const zipEntries = (zip: Buffer): string[] => [...readZipEntries(zip).keys()];

/** The visible text of a Word document.xml (runs joined). */
export const docxText = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
