import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlainTextPaste } from '@/lib/paste/plain-text-paste';
import { GRID } from '@/lib/layout/grid';
import {
  countCharacters,
  displayWidth,
  estimateItemLines,
  estimatePages,
  estimateParagraphLines,
} from '@/lib/layout/estimate';

const ISSUE_2023_14 = path.join(import.meta.dirname, '../../shared/fixtures/issues/2023-14.txt');

describe('GRID', () => {
  it('is the official-document grid of 28 characters × 22 lines', () => {
    expect(GRID).toEqual({ charsPerLine: 28, linesPerPage: 22 });
  });
});

describe('countCharacters', () => {
  it('counts every character except whitespace', () => {
    expect(countCharacters('2 月 22 日，北京市科协')).toBe(11);
    expect(countCharacters('　　沈洁主持会议。\n')).toBe(7);
    expect(countCharacters('Hello world')).toBe(10);
    expect(countCharacters('𠮷野家')).toBe(3); // a character outside the BMP counts once
    expect(countCharacters('')).toBe(0);
  });
});

describe('displayWidth', () => {
  it('counts CJK and full-width as 1, ASCII and half-width as 0.5', () => {
    expect(displayWidth('科协')).toBe(2);
    expect(displayWidth('“开门红”。')).toBe(6);
    expect(displayWidth('（怀柔区科协）')).toBe(7);
    expect(displayWidth('Hello')).toBe(2.5);
    expect(displayWidth('2023年')).toBe(3);
    expect(displayWidth('四＋N')).toBe(2.5);
    expect(displayWidth('ｶﾀｶﾅ')).toBe(2);
    expect(displayWidth('　')).toBe(1);
    expect(displayWidth('a\nb\u200b')).toBe(1);
  });

  it('gives 28 for a full printed line of the fixtures', () => {
    // A line of shared/fixtures/items/2023-02-items.txt (a continuation line: no indent).
    expect(displayWidth('始终坚持“科协工作就是党的政治工作”，坚持把党建与业务一')).toBe(28);
  });
});

describe('estimateParagraphLines', () => {
  it('indents two characters and wraps at 28', () => {
    expect(estimateParagraphLines('')).toBe(0);
    expect(estimateParagraphLines('科'.repeat(26))).toBe(1);
    expect(estimateParagraphLines('科'.repeat(27))).toBe(2);
    expect(estimateParagraphLines('科'.repeat(54))).toBe(2);
    expect(estimateParagraphLines('科'.repeat(55))).toBe(3);
    expect(estimateParagraphLines('2023'.repeat(13))).toBe(1); // 52 digits = 26 cells
  });
});

describe('estimateItemLines', () => {
  it('counts the title in its printed lines (22 a line), the subtitle at 28, one blank line, then the paragraphs', () => {
    expect(estimateItemLines({ title: '科'.repeat(22), paragraphs: ['科'.repeat(26)] })).toBe(3);
    expect(estimateItemLines({ title: '科'.repeat(23), paragraphs: ['科'.repeat(26)] })).toBe(4);
    // A chosen break makes two lines even when the title would fit one.
    expect(estimateItemLines({ title: '市科协召开\n工作会', paragraphs: ['科'.repeat(26)] })).toBe(4);
    expect(
      estimateItemLines({ title: '科'.repeat(20), subtitle: `——${'协'.repeat(27)}`, paragraphs: ['科'.repeat(26)] }),
    ).toBe(1 + 2 + 1 + 1);
    expect(estimateItemLines({ title: '', paragraphs: ['科'.repeat(26), '', '科'.repeat(27)] })).toBe(3);
  });

  it('appends the source to the last paragraph, once', () => {
    const paragraph = '科'.repeat(20); // 22 cells with the indent: one line
    expect(estimateItemLines({ title: '标题', paragraphs: [paragraph] })).toBe(3);
    // + （北京科技社团服务中心、平谷区科协） = 18 cells → 40 cells: two lines
    const sources = ['北京科技社团服务中心', '平谷区科协'];
    expect(estimateItemLines({ title: '标题', paragraphs: [paragraph], sources })).toBe(4);
    expect(
      estimateItemLines({ title: '标题', paragraphs: [`${paragraph}（北京科技社团服务中心、平谷区科协）`], sources }),
    ).toBe(4);
    expect(estimateItemLines({ title: '标题', paragraphs: [], sources: ['怀柔区科协'] })).toBe(3);
    expect(estimateItemLines({ title: '标题', paragraphs: [paragraph], sources: [] })).toBe(3);
  });

  it('estimates the first lead item of issues/2023-14.txt', () => {
    // issues/2023-14.txt holds one paragraph per line; the first lead item is its title and the
    // four lines after it, up to the next title.
    const { paragraphs } = parsePlainTextPaste(readFileSync(ISSUE_2023_14, 'utf8'));
    const start = paragraphs.indexOf('市科协召开4月工作交流学习会');
    const end = paragraphs.indexOf('市科协全面开展安全隐患大排查大整治工作');
    expect([start, end]).toEqual([10, 15]);
    const title = paragraphs[start] ?? '';
    const body = paragraphs.slice(start + 1, end);

    // Counted by hand from the text, on the 28-cell grid with a 2-cell indent:
    // - title: 13 Chinese characters + "4" = 13.5 cells, one line at 18 pt (24 a line),
    //   then one blank line                                                       → 2
    // - 根据市科协…参加会议。 154 characters, 4 of them digits (4月28日, 4月) = 152
    //   cells; 2 + 152 = 154 = 5 full lines of 28 (140) + 14                       → 6
    // - 会议第一阶段…进行授课。 68 characters, all full-width; 70 = 2 × 28 + 14     → 3
    // - 会议第二阶段…进行经验交流。 129 characters; 131 = 4 × 28 + 19               → 5
    // - 通过学习交流…的新要求。 120 characters; 122 = 4 × 28 + 10                   → 5
    // Total 21 lines. Line-breaking rules (no line starts with ，。、”) can push a
    // character to the next line, so the printed count may differ by a line or two.
    const handCount = 2 + 6 + 3 + 5 + 5;
    expect(body.map((paragraph) => Array.from(paragraph).length)).toEqual([154, 68, 129, 120]);
    expect(body.map(estimateParagraphLines)).toEqual([6, 3, 5, 5]);

    const estimate = estimateItemLines({ title, paragraphs: body });
    expect(Math.abs(estimate - handCount)).toBeLessThanOrEqual(2);
    expect(estimate).toBe(21);
    expect(estimatePages(estimate)).toBe(1);
  });
});

describe('estimatePages', () => {
  it('rounds up to whole pages of 22 lines', () => {
    expect(estimatePages(0)).toBe(0);
    expect(estimatePages(1)).toBe(1);
    expect(estimatePages(22)).toBe(1);
    expect(estimatePages(23)).toBe(2);
    expect(estimatePages(66)).toBe(3);
    expect(estimatePages(-3)).toBe(0);
    expect(estimatePages(Number.NaN)).toBe(0);
  });
});
