import { safeKey, type FileStore } from './index';

/** An in-memory store for unit tests. */
export class MemoryFileStore implements FileStore {
  readonly files = new Map<string, Buffer>();
  async put(key: string, data: Buffer): Promise<void> {
    this.files.set(safeKey(key), Buffer.from(data));
  }
  async get(key: string): Promise<Buffer | undefined> {
    return this.files.get(safeKey(key));
  }
  async delete(key: string): Promise<void> {
    this.files.delete(safeKey(key));
  }
}
