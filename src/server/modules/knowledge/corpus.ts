/**
 * Reads the knowledge base from disk: the law texts and typical cases shipped in the repo
 * (data/laws, copied from the official texts in shared/) and the reviewed Q&A entries
 * (data/knowledge/qa.json, optional). Everything else in this module is pure.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultSynonyms, type CompiledSynonyms } from '../../../domain/knowledge/synonyms';
import {
  CaseFile,
  LawFile,
  QaFile,
  articleDocs,
  caseDocs,
  qaDocs,
  type KnowledgeDoc,
  type Law,
} from './documents';

/** The repository root, found from this file so the CLI, tests and server agree. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Law texts the application serves. */
export const APP_LAWS_DIR = join(REPO_ROOT, 'data', 'laws');
export const QA_FILE = join(REPO_ROOT, 'data', 'knowledge', 'qa.json');

/**
 * The shared data folder (laws as delivered, evaluation sets). In CI it sits beside the repo;
 * HEXIE_LAWS_DIR points elsewhere when it does not.
 */
export function sharedLawsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.HEXIE_LAWS_DIR ? resolve(env.HEXIE_LAWS_DIR) : resolve(REPO_ROOT, '..', 'shared', 'data', 'laws');
}

export function devEvalFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(sharedLawsDir(env), '..', 'eval', 'knowledge-dev.json');
}

export interface LoadOptions {
  lawsDir?: string;
  /** Path of qa.json; `null` leaves Q&A out (used to measure the engine without it). */
  qaFile?: string | null;
  synonyms?: CompiledSynonyms;
}

export interface Corpus {
  laws: Law[];
  docs: KnowledgeDoc[];
}

export function loadCorpus(options: LoadOptions = {}): Corpus {
  const lawsDir = options.lawsDir ?? APP_LAWS_DIR;
  const synonyms = options.synonyms ?? defaultSynonyms();
  const laws = LawFile.parse(readJson(join(lawsDir, 'laws.json')));
  const casesPath = join(lawsDir, 'cases', 'cases.json');
  const cases = existsSync(casesPath) ? CaseFile.parse(readJson(casesPath)) : [];
  const qaPath = options.qaFile === undefined ? QA_FILE : options.qaFile;
  const qa = qaPath && existsSync(qaPath) ? QaFile.parse(readJson(qaPath)) : [];
  return {
    laws,
    docs: [...articleDocs(laws), ...qaDocs(qa), ...caseDocs(cases, laws, synonyms)],
  };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`无法读取知识库文件 ${path}：${(err as Error).message}`, { cause: err });
  }
}
