import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Where files (uploaded attachments, generated documents) live. The local directory is the default;
 * an S3-compatible store implements the same four calls (PutObject / GetObject / HeadObject / DeleteObject)
 * so replicas never depend on one machine's disk.
 */
export interface FileStorage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer | undefined>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/** Keys are `area/yyyy/mm/<random>-<safe name>`: no user input reaches a path unescaped. */
export function storageKey(area: string, fileName: string, now: Date): string {
  const safe = fileName.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(-80) || 'file';
  const ym = now.toISOString().slice(0, 7).replace('-', '/');
  return `${area}/${ym}/${randomBytes(8).toString('hex')}-${safe}`;
}

export class LocalDirectoryStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private resolve(key: string): string {
    const full = path.resolve(this.root, key);
    if (!full.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`invalid storage key: ${key}`);
    return full;
  }
  async put(key: string, data: Buffer): Promise<void> {
    const full = this.resolve(key);
    await fs.mkdir(path.dirname(full), { recursive: true });
    const tmp = `${full}.${randomBytes(4).toString('hex')}.tmp`;
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, full);
  }
  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await fs.readFile(this.resolve(key));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }
  async exists(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined;
  }
  async delete(key: string): Promise<void> {
    await fs.rm(this.resolve(key), { force: true });
  }
}

const stores = new Map<string, FileStorage>();
/** One storage per files directory (config.filesDir). */
export function storageFor(filesDir: string): FileStorage {
  let s = stores.get(filesDir);
  if (!s) stores.set(filesDir, (s = new LocalDirectoryStorage(filesDir)));
  return s;
}
