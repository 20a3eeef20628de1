/**
 * Retrieval quality of the legal search: `npx tsx src/cli/eval-knowledge.ts [--no-qa] [--file X]`.
 * Prints top-1 and top-3 rates and every question whose gold article is not first.
 * Without --file it reads the dev set from the shared data folder (HEXIE_LAWS_DIR/../eval).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { devEvalFile, loadCorpus } from '../server/modules/knowledge/corpus';
import { EvalSet, evaluate } from '../server/modules/knowledge/evaluate';
import { buildIndex } from '../server/modules/knowledge/search-engine';

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    'no-qa': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});

const file = values.file ?? devEvalFile();
if (!existsSync(file)) {
  console.error(`找不到评测集 ${file}（可用 --file 指定，或设置 HEXIE_LAWS_DIR）`);
  process.exit(2);
}
const questions = EvalSet.parse(JSON.parse(readFileSync(file, 'utf8')));
const corpus = loadCorpus(values['no-qa'] ? { qaFile: null } : {});
const index = buildIndex(corpus.docs);
const report = evaluate(index, questions);

if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const qaCount = index.qa.docs.length;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`评测集: ${file}`);
  console.log(`问答条目: ${qaCount}${values['no-qa'] ? '（已排除）' : ''}；问题数: ${report.total}`);
  console.log(`top-1: ${pct(report.top1)}   top-3: ${pct(report.top3)}`);
  for (const m of report.misses) {
    const where = m.rank ? `第${m.rank}位` : '前10未出现';
    console.log(`\n✗ [${m.id}] ${m.question}\n  标准: ${m.gold.join('；')}（${where}）\n  结果: ${m.got.join('；')}`);
  }
}
