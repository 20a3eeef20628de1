/**
 * Validates the 百问百答 knowledge base (data/knowledge/qa.json).
 *
 *   npx tsx scripts/check-qa.ts [path/to/qa.json]
 *
 * Checks: JSON shape, unique ids, non-empty fields, allowed status, 2–5 tags,
 * answers of 3–8 sentences, at most MAX_PER_TOPIC entries per topic, no duplicate
 * questions, no question copied verbatim from the development eval set, every
 * citation resolving to a real law id and article number in laws.json, and every
 * topic of the development eval set (knowledge-dev.json) being covered.
 *
 * Law texts are read from data/laws/laws.json if present in the repo, otherwise
 * from ../shared/data/laws/laws.json relative to the repo root (same rule for
 * data/eval/knowledge-dev.json). Exits 1 on any problem, 0 otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const QA_PATH = resolve(process.argv[2] ?? resolve(ROOT, 'data/knowledge/qa.json'));

const ALLOWED_STATUS = new Set(['draft', 'reviewed']);
const MIN_TAGS = 2;
const MAX_TAGS = 5;
const MIN_SENTENCES = 3;
const MAX_SENTENCES = 8;
const MAX_PER_TOPIC = 10;
const ID_PATTERN = /^qa-\d{3,}$/;

interface Article {
  no: number;
  label?: string;
  text: string;
}
interface Law {
  id: string;
  title: string;
  shortTitle?: string;
  articles: Article[];
}
interface DevQuestion {
  id: string;
  question: string;
  topic: string;
}

const problems: string[] = [];
const problem = (msg: string): void => {
  problems.push(msg);
};

/** Prefer the repo copy of a shared data file, fall back to ../shared/<path>. */
function locate(repoRelative: string): string | undefined {
  const candidates = [resolve(ROOT, repoRelative), resolve(ROOT, '..', 'shared', repoRelative)];
  return candidates.find((p) => existsSync(p));
}

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    console.error(`✗ cannot read ${what} at ${path}: ${(err as Error).message}`);
    process.exit(1);
  }
}

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

function countSentences(text: string): number {
  return text
    .split(/[。！？!?]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0).length;
}

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------
const lawsPath = locate('data/laws/laws.json');
if (!lawsPath) {
  console.error('✗ laws.json not found (looked in data/laws/ and ../shared/data/laws/)');
  process.exit(1);
}
const laws = readJson(lawsPath, 'laws.json') as Law[];
if (!Array.isArray(laws) || laws.length === 0) {
  console.error(`✗ ${lawsPath} is not a non-empty array`);
  process.exit(1);
}
const articlesByLaw = new Map<string, Set<number>>();
for (const law of laws) articlesByLaw.set(law.id, new Set(law.articles.map((a) => a.no)));

const devPath = locate('data/eval/knowledge-dev.json');
const devQuestions: DevQuestion[] = devPath ? (readJson(devPath, 'knowledge-dev.json') as DevQuestion[]) : [];
if (!devPath) problem('knowledge-dev.json not found (looked in data/eval/ and ../shared/data/eval/) — cannot check topic coverage');

if (!existsSync(QA_PATH)) {
  console.error(`✗ ${QA_PATH} does not exist`);
  process.exit(1);
}
const raw = readJson(QA_PATH, 'qa.json');
if (!Array.isArray(raw)) {
  console.error(`✗ ${QA_PATH} must be a JSON array`);
  process.exit(1);
}

// ---------------------------------------------------------------------------
// Per-entry checks
// ---------------------------------------------------------------------------
const seenIds = new Set<string>();
const seenQuestions = new Map<string, string>();
const devQuestionSet = new Set(devQuestions.map((q) => q.question.trim()));
const topicCounts = new Map<string, number>();
const statusCounts = new Map<string, number>();
const lawCitationCounts = new Map<string, number>();
let citationTotal = 0;

raw.forEach((entry: unknown, index: number) => {
  const where = `entry #${index + 1}`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    problem(`${where}: not an object`);
    return;
  }
  const e = entry as Record<string, unknown>;
  const id = isNonEmptyString(e.id) ? e.id : `(${where})`;

  const allowedKeys = new Set(['id', 'question', 'answer', 'citations', 'tags', 'topic', 'status']);
  for (const key of Object.keys(e)) if (!allowedKeys.has(key)) problem(`${id}: unexpected field "${key}"`);

  // id
  if (!isNonEmptyString(e.id)) problem(`${where}: missing id`);
  else {
    if (!ID_PATTERN.test(e.id)) problem(`${id}: id should look like qa-001`);
    if (seenIds.has(e.id)) problem(`${id}: duplicate id`);
    seenIds.add(e.id);
  }

  // question / answer / topic
  for (const field of ['question', 'answer', 'topic'] as const) {
    if (!isNonEmptyString(e[field])) problem(`${id}: ${field} is missing or empty`);
  }
  if (isNonEmptyString(e.question)) {
    const q = e.question.trim();
    const prev = seenQuestions.get(q);
    if (prev) problem(`${id}: same question as ${prev}`);
    seenQuestions.set(q, id);
    if (devQuestionSet.has(q)) problem(`${id}: question copied verbatim from the dev eval set`);
  }
  if (isNonEmptyString(e.answer)) {
    const n = countSentences(e.answer);
    if (n < MIN_SENTENCES || n > MAX_SENTENCES) problem(`${id}: answer has ${n} sentences (want ${MIN_SENTENCES}–${MAX_SENTENCES})`);
  }
  if (isNonEmptyString(e.topic)) topicCounts.set(e.topic, (topicCounts.get(e.topic) ?? 0) + 1);

  // status
  if (!isNonEmptyString(e.status) || !ALLOWED_STATUS.has(e.status)) {
    problem(`${id}: status must be one of ${[...ALLOWED_STATUS].join(', ')} (got ${JSON.stringify(e.status)})`);
  } else statusCounts.set(e.status, (statusCounts.get(e.status) ?? 0) + 1);

  // tags
  if (!Array.isArray(e.tags)) problem(`${id}: tags must be an array`);
  else {
    if (e.tags.length < MIN_TAGS || e.tags.length > MAX_TAGS) problem(`${id}: ${e.tags.length} tags (want ${MIN_TAGS}–${MAX_TAGS})`);
    if (!e.tags.every(isNonEmptyString)) problem(`${id}: every tag must be a non-empty string`);
    if (new Set(e.tags).size !== e.tags.length) problem(`${id}: duplicate tags`);
  }

  // citations
  if (!Array.isArray(e.citations) || e.citations.length === 0) {
    problem(`${id}: needs at least one citation`);
    return;
  }
  const seenCites = new Set<string>();
  for (const c of e.citations as unknown[]) {
    if (typeof c !== 'object' || c === null) {
      problem(`${id}: citation is not an object`);
      continue;
    }
    const { lawId, articleNo } = c as { lawId?: unknown; articleNo?: unknown };
    if (!isNonEmptyString(lawId) || typeof articleNo !== 'number' || !Number.isInteger(articleNo)) {
      problem(`${id}: citation needs a string lawId and an integer articleNo (got ${JSON.stringify(c)})`);
      continue;
    }
    const key = `${lawId}#${articleNo}`;
    if (seenCites.has(key)) problem(`${id}: duplicate citation ${key}`);
    seenCites.add(key);
    const articles = articlesByLaw.get(lawId);
    if (!articles) {
      problem(`${id}: unknown lawId "${lawId}"`);
      continue;
    }
    if (!articles.has(articleNo)) {
      problem(`${id}: ${lawId} has no article ${articleNo}`);
      continue;
    }
    citationTotal += 1;
    lawCitationCounts.set(lawId, (lawCitationCounts.get(lawId) ?? 0) + 1);
  }
});

// ---------------------------------------------------------------------------
// Collection-level checks
// ---------------------------------------------------------------------------
for (const [topic, n] of topicCounts) {
  if (n > MAX_PER_TOPIC) problem(`topic "${topic}" has ${n} entries (max ${MAX_PER_TOPIC})`);
}

const devTopics = [...new Set(devQuestions.map((q) => q.topic))];
const uncovered = devTopics.filter((t) => !topicCounts.has(t));
for (const t of uncovered) problem(`dev topic not covered: ${t}`);

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------
const rel = (p: string): string => relative(process.cwd(), p) || p;
console.log(`qa file:      ${rel(QA_PATH)}`);
console.log(`laws:         ${rel(lawsPath)} (${laws.length} laws)`);
if (devPath) console.log(`dev set:      ${rel(devPath)} (${devQuestions.length} questions, ${devTopics.length} topics)`);
console.log(`entries:      ${raw.length}`);
console.log(`status:       ${[...statusCounts].map(([s, n]) => `${s} ${n}`).join(', ') || '-'}`);
console.log(`topics:       ${topicCounts.size} (largest: ${Math.max(0, ...topicCounts.values())} entries)`);
console.log(`citations:    ${citationTotal} resolved, ${lawCitationCounts.size} laws cited`);
console.log(`dev topics:   ${devTopics.length - uncovered.length}/${devTopics.length} covered`);
const titleById = new Map(laws.map((l) => [l.id, l.shortTitle ?? l.title]));
const byLaw = [...lawCitationCounts].sort((a, b) => b[1] - a[1]);
console.log('citations per law:');
for (const [lawId, n] of byLaw) console.log(`  ${String(n).padStart(4)}  ${lawId} (${titleById.get(lawId)})`);
const uncited = laws.filter((l) => !lawCitationCounts.has(l.id)).map((l) => l.id);
if (uncited.length) console.log(`laws never cited: ${uncited.join(', ')}`);

if (problems.length) {
  console.error(`\n✗ ${problems.length} problem(s):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log('\n✓ qa.json OK');
