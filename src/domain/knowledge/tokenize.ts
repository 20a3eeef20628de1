/**
 * Chinese segmentation for legal search: jieba words (search mode, so "劳动合同" also yields
 * "劳动" and "合同"), a labor-law user dictionary so statutory terms segment as units, stop
 * words, and character bigrams as a second, segmentation-independent signal.
 *
 * Loading jieba reads its dictionary from the package once, lazily; there is no other I/O and
 * the functions are deterministic, so this stays usable from pure domain code.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { defaultSynonyms, normalizeTerm } from './synonyms';

/**
 * Words that carry no legal meaning in questions or statutes. "公司" is here because statutes
 * say "用人单位"; the synonym dictionary maps it there instead.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '的 了 着 过 我 你 他 她 它 我们 你们 他们 她们 咱们 自己 是 在 有 和 与 及 或 或者 以及 等 等等 这 那 这个 那个 这些 ' +
    '那些 这样 那样 这种 那种 这儿 那儿 这边 那边 这里 那里 就 都 也 还 又 再 才 只 吗 呢 吧 啊 呀 么 嘛 哦 哈 啦 ' +
    '什么 怎么 怎么办 怎样 怎么样 如何 为什么 为何 多少 几 哪 哪些 哪个 能 能不能 可以 可不可以 是不是 是否 会 会不会 ' +
    '要 要不要 想 说 听说 让 给 被 把 对 向 从 到 跟 和 个 一个 一些 些 没 没有 不 很 太 最 更 比较 非常 已经 正在 ' +
    '现在 今天 今年 后来 然后 但是 但 可是 而且 如果 因为 所以 虽然 还是 只是 就是 其实 到底 究竟 一下 一直 一起 ' +
    '好 好几 好像 真的 结果 那么 这么 之前 之后 以后 以前 时候 时 里 里面 上 下 中 内 外 得 地 之 其 该 各 每 ' +
    '请问 您好 你好 谢谢 公司 单位 老板 员工 工人 打工 雇员 职员 厂里 厂子 厂方 上班 干活 情况 问题 事情 东西 一般 应该 需要 必须 能够 可能 办 做 干 搞 弄 拿 算 ' +
    '本 本法 本条例 本规定 本办法 本解释 规定 依照 按照 根据 有关 相关 下列 之一 条 款 项 第'
  ).split(/\s+/),
);

let jieba: Jieba | undefined;
let userWords = new Set<string>();
let maxUserWordLength = 0;

function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    addUserWords(defaultSynonyms().dictionary.userWords);
  }
  return jieba;
}

/**
 * Adds terms to the segmenter so they come out as single tokens. The frequency is high enough
 * to beat jieba's own split of "经济补偿" into "经济/补偿", which its general dictionary prefers.
 */
export function addUserWords(words: Iterable<string>): boolean {
  const fresh = [...words].map(normalizeTerm).filter((w) => w.length >= 2 && !userWords.has(w));
  if (fresh.length === 0) return false;
  segmenter().loadDict(Buffer.from(fresh.map((w) => `${w} 3000 n`).join('\n') + '\n'));
  userWords = new Set([...userWords, ...fresh]);
  for (const w of fresh) maxUserWordLength = Math.max(maxUserWordLength, w.length);
  return true;
}

const CJK = /[\u3400-\u9fff]/;
const REFERENCE = /第[零〇一二两三四五六七八九十百千0-9]+[条款项章节]|[（(][一二三四五六七八九十]+[）)]/g;

/**
 * Cross-references ("依照本法第四十七条", "第一款第（三）项") say nothing about an article's
 * subject, yet their numerals would match any question mentioning "二十号" or "三十个人".
 * Citations in queries are handled apart, by the citation parser.
 */
export function stripReferences(text: string): string {
  return text.replace(REFERENCE, ' ');
}

/**
 * Rejoins lines broken inside a sentence by the source's hard wrapping (工资支付暂行规定
 * 第十三条 has "劳动合\n同规定"), so words and bigrams survive; a break after punctuation is a
 * real paragraph and stays.
 */
export function joinBrokenLines(text: string): string {
  return text.replace(/([\u3400-\u9fff0-9%])\n(?=[\u3400-\u9fff0-9])/g, '$1');
}
const TOKEN_CHARS = /^[\u3400-\u9fffa-z0-9.%+]+$/;

function isMeaningful(token: string): boolean {
  if (!TOKEN_CHARS.test(token) || STOP_WORDS.has(token)) return false;
  // Single characters are too ambiguous as words; the bigram signal covers them.
  if (token.length < 2) return false;
  return !/^[.%+]+$/.test(token);
}

/**
 * Search-mode words of a text, stop words removed, in order (duplicates kept: term frequency
 * matters). Long tokens also contribute the user-dictionary words inside them, because
 * jieba's search mode only splits out two- and three-character parts.
 */
export function tokenize(text: string): string[] {
  const norm = stripReferences(joinBrokenLines(normalizeTerm(text)));
  const out: string[] = [];
  for (const raw of segmenter().cutForSearch(norm, true)) {
    const token = raw.trim();
    if (!isMeaningful(token)) continue;
    out.push(token);
    if (token.length > 3 && maxUserWordLength > 3) {
      for (let len = Math.min(maxUserWordLength, token.length - 1); len >= 4; len--) {
        for (let i = 0; i + len <= token.length; i++) {
          const sub = token.slice(i, i + len);
          if (userWords.has(sub)) out.push(sub);
        }
      }
    }
  }
  return out;
}

/**
 * The text with its stop words blanked out, so that bigrams taken from a question do not
 * straddle "的" or "公司" ("我的工资" gives "工资", not "我的" and "的工").
 */
export function contentText(text: string): string {
  return segmenter()
    .cut(normalizeTerm(text), true)
    .map((t) => (STOP_WORDS.has(t.trim()) ? ' ' : t))
    .join('');
}

const PARTICLES: ReadonlySet<string> = new Set(['了', '过', '着', '的', '地', '得']);

/**
 * The text without aspect and structural particles ("被判了刑" → "被判刑", "签的合同" →
 * "签合同"), so that dictionary phrases match however the verb was inflected. Only
 * particles standing alone as tokens go: "了解" keeps its "了".
 */
export function withoutParticles(text: string): string {
  return segmenter()
    .cut(normalizeTerm(text), true)
    .filter((t) => !PARTICLES.has(t))
    .join('');
}

/** Plain (non search-mode) segmentation, for showing how a query was understood. */
export function segment(text: string): string[] {
  return segmenter()
    .cut(normalizeTerm(text), true)
    .map((t) => t.trim())
    .filter(isMeaningful);
}

/**
 * Character bigrams inside runs of Chinese characters. They match statutory phrases whatever
 * the segmenter did (a query's "签合同" still shares "合同" with "书面劳动合同"), and adjacent
 * bigrams reward word order, which single words cannot.
 */
export function bigrams(text: string): string[] {
  const norm = stripReferences(joinBrokenLines(normalizeTerm(text)));
  const out: string[] = [];
  let prev = '';
  for (const ch of norm) {
    if (CJK.test(ch)) {
      if (prev !== '' && !(STOP_CHARS.has(prev) && STOP_CHARS.has(ch))) out.push(prev + ch);
      prev = ch;
    } else {
      prev = '';
    }
  }
  return out;
}

/** Characters whose pairs ("的了", "我们") are pure noise as bigrams. */
const STOP_CHARS: ReadonlySet<string> = new Set('的了吗呢吧啊呀我你他她它们这那是在有和与或就都也还又个么'.split(''));
