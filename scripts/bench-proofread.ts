// `npm run bench:proofread`: the proofreader (lib/proofread) measured.
//  1. False positives per 1,000 characters on the published fixture issues (hard wraps joined,
//     as items): every finding not judged a real error in test/support/proofread-corpus.ts is
//     listed. Goal ≤ 0.5.
//  2. A generated corpus of injected errors of every kind: the share found (a finding overlaps
//     the error; goal ≥ 90%) and the share the one-click fixes restore exactly.
//  3. Time to check a 5,000-character item (median and p95 of 200 runs; goal ≤ 20 ms).
import { availableParallelism, loadavg } from 'node:os';
import { applyFixes, checkIssue, checkItem, checkParagraphs } from '@/lib/proofread/check';
import {
  BENCH_GLOSSARY,
  FIXTURE_ISSUE_NAMES,
  generateInjectedCorpus,
  readFixtureItems,
  isRealFixtureError,
} from '@/test/support/proofread-corpus';
import { percentile } from '@/scripts/bench/http';

const options = { glossary: BENCH_GLOSSARY };

// 1. False positives on the published text.
let characters = 0;
const falsePositives: string[] = [];
let real = 0;
const allParagraphs: string[] = [];
for (const name of FIXTURE_ISSUE_NAMES) {
  const items = readFixtureItems(name);
  const results = checkIssue(items, options);
  items.forEach((item, i) => {
    characters += [...item.title].length + item.paragraphs.reduce((n, p) => n + [...p].length, 0);
    allParagraphs.push(...item.paragraphs);
    for (const f of results[i]!) {
      const text = f.field === 'title' ? item.title : f.field === 'body' ? item.paragraphs[f.paragraph]! : '';
      if (isRealFixtureError(f.rule, text, f.from, f.to)) real++;
      else falsePositives.push(`${name} 《${item.title}》 ${f.rule} ${f.message}：…${text.slice(Math.max(0, f.from - 8), f.to + 8)}…`);
    }
  });
}
console.log(`fixture: ${characters} characters, ${real} real errors found, ${falsePositives.length} false positives`);
for (const line of falsePositives) console.log(`  false positive: ${line}`);
console.log(`false_positives_per_1000_chars=${((falsePositives.length / characters) * 1000).toFixed(2)} (goal ≤ 0.5)`);

// 2. Injected errors.
const corpus = generateInjectedCorpus(allParagraphs.filter((p) => checkParagraphs([p], options)[0]!.length === 0), 180);
let found = 0;
let fixable = 0;
let fixed = 0;
const missed: string[] = [];
const notFixed: string[] = [];
const byKind = new Map<string, { n: number; found: number }>();
for (const error of corpus) {
  const findings = error.context
    ? checkIssue([{ title: '标题', paragraphs: [error.context] }, { title: '标题', paragraphs: [error.text] }], options)[1]!
    : checkItem({ title: '标题', paragraphs: [error.text] }, options);
  const overlapping = findings.filter((f) => f.field === 'body' && f.from < error.to && f.to > error.from);
  const kind = byKind.get(error.kind) ?? { n: 0, found: 0 };
  kind.n++;
  if (overlapping.length) {
    found++;
    kind.found++;
  } else missed.push(`${error.kind}: …${error.text.slice(Math.max(0, error.from - 8), error.to + 8)}…`);
  byKind.set(error.kind, kind);
  if (!error.isFixable) continue;
  fixable++;
  if (applyFixes(error.text, overlapping) === error.original) fixed++;
  else notFixed.push(`${error.kind}: …${error.text.slice(Math.max(0, error.from - 8), error.to + 8)}…`);
}
console.log(`injected: ${corpus.length} errors of ${byKind.size} kinds`);
for (const [kind, { n, found: k }] of byKind) console.log(`  ${kind}: ${k} of ${n} found`);
for (const line of missed) console.log(`  missed: ${line}`);
for (const line of notFixed) console.log(`  not fixed: ${line}`);
console.log(`injected_found=${((found / corpus.length) * 100).toFixed(1)}% (${found} of ${corpus.length}; goal ≥ 90%)`);
console.log(`injected_fixed_by_one_click=${((fixed / fixable) * 100).toFixed(1)}% (${fixed} of ${fixable} with a fix; unpaired marks have none)`);

// 3. Time for a 5,000-character item.
const paragraphs: string[] = [];
let length = 0;
for (let i = 0; length < 5000; i++) {
  const p = allParagraphs[i % allParagraphs.length]!;
  paragraphs.push(p);
  length += p.length;
}
const item = { title: '北京市科协召开2023年党建工作会暨党建工作述职会', paragraphs };
for (let i = 0; i < 20; i++) checkItem(item, options);
const times: number[] = [];
for (let i = 0; i < 200; i++) {
  const start = performance.now();
  checkItem(item, options);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
console.log(`check_${length}_chars_ms p50=${percentile(times, 50).toFixed(2)} p95=${percentile(times, 95).toFixed(2)} max=${times.at(-1)!.toFixed(2)} (goal ≤ 20 ms; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores: p95 and max include waiting for a core)`);
