/**
 * Evidence a worker or an enterprise uploads from the portal: images and PDF only. The declared content type, the
 * file name's extension and the leading bytes ("magic numbers") must all agree; executables and scripts are refused
 * whatever they claim to be.
 */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export const EVIDENCE_TYPES = {
  'application/pdf': { exts: ['.pdf'], magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]] }, // %PDF-
  'image/jpeg': { exts: ['.jpg', '.jpeg'], magic: [[0xff, 0xd8, 0xff]] },
  'image/png': { exts: ['.png'], magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
} as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;

/** Content types of programs and scripts: refused with their own message (virus-like content). */
const EXECUTABLE_TYPES = [
  /^application\/(x-)?(msdownload|msdos-program|executable|x-executable|x-elf|x-mach-binary|x-sh|x-csh|x-bat|x-msi|vnd\.microsoft\.portable-executable|javascript|ecmascript|x-httpd-php|java-archive|x-java-archive|hta|x-python|x-perl|x-powershell)$/,
  /^text\/(javascript|ecmascript|x-shellscript|x-sh|x-python|x-perl|html|x-php|vbscript|x-vbscript)$/,
  /^application\/x-sh$/,
];
const EXECUTABLE_MAGIC = [
  [0x4d, 0x5a], // MZ — Windows PE
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x23, 0x21], // #! — shell scripts
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O fat / Java class
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O 64
];
const SCRIPT_EXTS = ['.exe', '.dll', '.bat', '.cmd', '.com', '.scr', '.js', '.vbs', '.ps1', '.sh', '.php', '.jar', '.msi', '.hta', '.html', '.htm', '.svg'];

export type EvidenceCheck =
  | { ok: true; contentType: EvidenceType; ext: string }
  | { ok: false; status: 400 | 413 | 415; message: string };

const startsWith = (bytes: Uint8Array, sig: readonly number[]) => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);

export function checkEvidence(file: { fileName: string; declaredType: string; bytes: Uint8Array }): EvidenceCheck {
  const declared = file.declaredType.split(';')[0]!.trim().toLowerCase();
  const dot = file.fileName.lastIndexOf('.');
  const ext = dot >= 0 ? file.fileName.slice(dot).toLowerCase() : '';
  if (file.bytes.length === 0) return { ok: false, status: 400, message: '文件为空' };
  if (file.bytes.length > MAX_EVIDENCE_BYTES) return { ok: false, status: 413, message: '单个文件不能超过10MB' };
  if (
    EXECUTABLE_TYPES.some((re) => re.test(declared)) ||
    EXECUTABLE_MAGIC.some((sig) => startsWith(file.bytes, sig)) ||
    SCRIPT_EXTS.includes(ext)
  ) {
    return { ok: false, status: 415, message: '不能上传程序或脚本文件' };
  }
  const spec = (EVIDENCE_TYPES as Record<string, (typeof EVIDENCE_TYPES)[EvidenceType]>)[declared];
  if (!spec) return { ok: false, status: 415, message: '证据材料只支持图片（JPG、PNG）和PDF文件' };
  if (!(spec.exts as readonly string[]).includes(ext)) return { ok: false, status: 415, message: '文件扩展名与文件类型不一致' };
  if (!spec.magic.some((sig) => startsWith(file.bytes, sig))) return { ok: false, status: 415, message: '文件内容与声明的类型不一致' };
  return { ok: true, contentType: declared as EvidenceType, ext };
}
