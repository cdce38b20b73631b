// The structure the legacy import adds on top of the paragraph reconstruction: titles, noise,
// sources, and items run together.
import { describe, expect, it } from 'vitest';
import { reflowText } from '@/lib/layout/reflow';
import { parseIssueBlocks } from '@/lib/import/parse-issue';

const full = (char: string, width = 28) => char.repeat(width);
const MASTHEAD = ['科协每周动态', '2023年 第14期', '（总第67期）', '北京市科协办公室', '2023年4月28日', ''];
const parse = (body: string[]) =>
  parseIssueBlocks([...MASTHEAD, ...body].map((text) => ({ text })), { leadSectionName: '要闻' });

describe('reflowText', () => {
  it('joins across `- N -` page markers and a page-top leading space; drops and lists links', () => {
    const text = [full('甲'), '甲甲。', `${full('乙', 26)}`, '- 2 -', '', '\f 乙乙乙。', 'https://www.baidu.com/link?url=abcdefgh12345678&wd=', '丙丙。'].join('\n');
    const reflow = reflowText(text, { dropLinks: true });
    expect(reflow.paragraphs.map((p) => p.text)).toEqual([`${full('甲')}甲甲。`, `${full('乙', 26)}乙乙乙。`, '丙丙。']);
    expect(reflow.dropped.map((d) => d.reason)).toEqual(['page', 'link']);
  });

  it('a first line of 26 plus a hanging comma starts a paragraph after a full line ending a sentence', () => {
    const text = [full('甲', 26), `${full('甲', 27)}。`, `${full('乙', 26)}，`, full('乙'), '乙。'].join('\n');
    expect(reflowText(text).paragraphs.map((p) => p.text)).toEqual([`${full('甲', 26)}${full('甲', 27)}。`, `${full('乙', 26)}，${full('乙')}乙。`]);
  });

  it('keeps a paste of plain lines as they are, and counts half-width characters as half', () => {
    expect(reflowText('第一项\n2\n第二项').paragraphs.map((p) => p.text)).toEqual(['第一项', '2', '第二项']);
    const latin = `${'a'.repeat(52)}甲`; // 26 + 1 = 27 cells: a full line
    expect(reflowText([full('甲'), latin, '甲甲。'].join('\n')).paragraphs.map((p) => p.text)).toEqual([`${full('甲')}${latin}甲甲。`]);
  });
});

describe('parseIssueBlocks on hard-wrapped text', () => {
  /** A paragraph printed on the grid: a first line two short, full lines, a short last line. */
  const paragraph = (char: string, end = '。') => [full(char, 26), full(char), full(char), `${full(char, 10)}${end}`];
  const text = (char: string, end = '。') => `${full(char, 26 + 28 + 28 + 10)}${end}`;

  it('a title never swallows the first body line; a two-line title keeps its space', () => {
    const result = parse(['【学会动态】', '丰台区航天科普嘉年华暨', '云岗地区科普联盟成立仪式举行', ...paragraph('甲'), ...paragraph('乙', '。（平谷区科协）')]);
    const item = result.issue!.sections[0]!.columns[0]!.items[0]!;
    expect(item.title).toBe('丰台区航天科普嘉年华暨 云岗地区科普联盟成立仪式举行');
    expect(item.paragraphs).toEqual([text('甲'), text('乙')]);
    expect(item.sources).toEqual(['平谷区科协']);
    expect(result.doubts).toEqual([]);
  });

  it('splits two items run together at the source, and says so', () => {
    // One paragraph a line: the second title has a comma and 30 characters, so it reads as a
    // paragraph at first.
    const second = `第二篇标题，“${full('题', 22)}”`;
    const result = parse(['【学会动态】', '第一篇标题', text('甲', '。（怀柔区科协）'), second, text('乙'), text('丙', '。（密云区科协）')]);
    const items = result.issue!.sections[0]!.columns[0]!.items;
    expect(items.map((i) => [i.title, i.paragraphs.length, i.sources])).toEqual([['第一篇标题', 1, ['怀柔区科协']], [second, 2, ['密云区科协']]]);
    expect(result.warnings.join()).toContain('已拆分为两篇');
  });

  it('a title that swallowed a body line leaves the source inside the item: an error, never imported', () => {
    // 25 wide: wider than a printed title line, so it reads as the first line of a paragraph.
    const result = parse(['【学会动态】', '第一篇标题', ...paragraph('甲', '。（怀柔区科协）'), `第二篇标题${full('题', 20)}`, ...paragraph('乙', '。（密云区科协）')]);
    expect(result.issue).toBeNull();
    expect(result.errors.join()).toContain('“第一篇标题”的来源（怀柔区科协）之后还有正文');
  });

  it('two sources in a row, or a source inside a paragraph with more text after it, is an error, never imported', () => {
    const twice = parse(['【学会动态】', '标题', ...paragraph('甲'), ...paragraph('乙', '。（怀柔区科协）（密云区科协）')]);
    expect(twice.issue).toBeNull();
    expect(twice.errors.join()).toContain('疑似两篇稿件合并');
    const inner = parse(['【学会动态】', '标题', ...paragraph('甲'), full('乙', 26), `${full('乙', 20)}。（怀柔区科协）另`, `${full('丙', 10)}。（密云区科协）`]);
    expect(inner.issue).toBeNull();
    expect(inner.errors.join()).toContain('疑似两篇稿件合并');
  });

  it('a 目录提要 line that matches no title is a doubt, and a URL line is never stored', () => {
    const result = parse(['目录提要', '●不存在的标题', '', '标题甲', ...paragraph('甲'), '网址：www.bast.net.cn/art/2023', ...paragraph('乙')]);
    expect(result.doubts.join()).toContain('目录提要中的“不存在的标题”');
    expect(JSON.stringify(result.issue)).not.toContain('bast');
    expect(result.dropped).toContainEqual({ text: '网址：www.bast.net.cn/art/2023', reason: 'link' });
  });
});
