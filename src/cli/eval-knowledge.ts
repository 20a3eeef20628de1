/**
 * Retrieval quality of the legal search:
 * `npx tsx src/cli/eval-knowledge.ts [--no-qa] [--file X]… [--all] [--quiet] [--json]`.
 * Prints top-1 and top-3 rates and every question whose gold article is not first.
 * Without --file it reads the dev set from the shared data folder (HEXIE_LAWS_DIR/../eval);
 * --all adds every set in data/eval (questions written the same way, kept out of tuning) and
 * prints the combined figures; --quiet leaves out the misses.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { devEvalFile, loadCorpus, REPO_ROOT } from '../server/modules/knowledge/corpus';
import { EvalSet, evaluate, type EvalReport } from '../server/modules/knowledge/evaluate';
import { buildIndex } from '../server/modules/knowledge/search-engine';

const { values } = parseArgs({
  options: {
    file: { type: 'string', multiple: true },
    all: { type: 'boolean', default: false },
    'no-qa': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});

const files = values.file?.length ? [...values.file] : [devEvalFile()];
if (values.all) {
  const dir = join(REPO_ROOT, 'data', 'eval');
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.json')) files.push(join(dir, f));
}
for (const file of files) {
  if (!existsSync(file)) {
    console.error(`找不到评测集 ${file}（可用 --file 指定，或设置 HEXIE_LAWS_DIR）`);
    process.exit(2);
  }
}
const corpus = loadCorpus(values['no-qa'] ? { qaFile: null } : {});
const index = buildIndex(corpus.docs);
const reports: { file: string; report: EvalReport }[] = files.map((file) => ({
  file,
  report: evaluate(index, EvalSet.parse(JSON.parse(readFileSync(file, 'utf8')))),
}));

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
if (values.json) {
  console.log(JSON.stringify(reports.length === 1 ? reports[0].report : reports, null, 2));
} else {
  console.log(`问答条目: ${index.qa.docs.length}${values['no-qa'] ? '（已排除）' : ''}`);
  for (const { file, report } of reports) {
    console.log(`\n评测集: ${file}\n问题数: ${report.total}   top-1: ${pct(report.top1)}   top-3: ${pct(report.top3)}`);
    if (values.quiet) continue;
    for (const m of report.misses) {
      const where = m.rank ? `第${m.rank}位` : '前10未出现';
      console.log(`\n✗ [${m.id}] ${m.question}\n  标准: ${m.gold.join('；')}（${where}）\n  结果: ${m.got.join('；')}`);
    }
  }
  if (reports.length > 1) {
    const n = reports.reduce((s, r) => s + r.report.total, 0);
    const top1 = reports.reduce((s, r) => s + r.report.top1 * r.report.total, 0) / n;
    const top3 = reports.reduce((s, r) => s + r.report.top3 * r.report.total, 0) / n;
    console.log(`\n合计 ${reports.length} 个评测集，${n} 题   top-1: ${pct(top1)}   top-3: ${pct(top3)}`);
  }
}
