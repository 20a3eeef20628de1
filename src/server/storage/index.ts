import { randomBytes } from 'node:crypto';

/**
 * Where uploaded and generated files live. The platform talks only to this interface, so the local
 * directory can be replaced by an S3-compatible object store (keys are plain relative paths, values are
 * whole buffers) without touching the modules that store files.
 */
export interface FileStore {
  put(key: string, data: Buffer, meta?: { contentType?: string }): Promise<void>;
  /** The stored bytes, or undefined when the key does not exist. */
  get(key: string): Promise<Buffer | undefined>;
  delete(key: string): Promise<void>;
}

/** Keys are `<area>/<yyyy>/<id>/<name>`-like paths: letters, digits, `-`, `_`, `.` and `/` only. */
export function safeKey(key: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_./-]*$/.test(key) || key.includes('..') || key.endsWith('/')) {
    throw new Error(`invalid storage key: ${key}`);
  }
  return key;
}

export { LocalFileStore } from './local';
export { MemoryFileStore } from './memory';

/**
 * A fresh key `<area>/<yyyy>/<mm>/<random><.ext>` for an uploaded or generated file. The original file
 * name is kept in the owning record, never in the key, so no user input reaches a storage path.
 */
export function storageKey(area: string, fileName: string, now: Date): string {
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(fileName)?.[0]?.toLowerCase() ?? '';
  const ym = now.toISOString().slice(0, 7).replace('-', '/');
  return safeKey(`${area}/${ym}/${randomBytes(12).toString('hex')}${ext}`);
}
