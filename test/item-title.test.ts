// Two-line titles: where a title breaks (chosen by the editor, or chosen here between words),
// how it is validated and stored, and how it reads on one line.
import { describe, expect, it } from 'vitest';
import { TITLE_CHARS_PER_LINE } from '@/lib/layout/grid';
import { getTitleText, hasChosenTitleBreak, layoutTitle, normalizeTitle } from '@/lib/layout/title';
import { displayWidth } from '@/lib/layout/width';
import { ZItemTitle } from '@/lib/validations/items';
import { readFixtureIssue } from './support/issue-fixture';

const CLOSING = /^[，。、；：？！）》」”’…]/u;
const OPENING = /[（《「“‘]$/u;

const withoutSpaces = (text: string) => text.replace(/[ \u3000]/gu, '');

/** Every title's lines must fit, keep every character in order and obey CJK line breaking. */
function expectWellBroken(title: string, lines: string[]) {
  expect(withoutSpaces(lines.join('')), title).toBe(withoutSpaces(title));
  for (const line of lines) {
    expect(displayWidth(line), line).toBeLessThanOrEqual(TITLE_CHARS_PER_LINE);
    expect(line, line).not.toMatch(CLOSING);
    expect(line, line).not.toMatch(OPENING);
    expect(line).toBe(line.trim());
  }
}

describe('layoutTitle', () => {
  it('keeps a title that fits on one line', () => {
    expect(layoutTitle('密云区科协第二次代表大会召开')).toEqual(['密云区科协第二次代表大会召开']);
    expect(layoutTitle('科'.repeat(TITLE_CHARS_PER_LINE))).toHaveLength(1);
  });

  it('breaks where the editor chose, even when the title would fit one line', () => {
    expect(layoutTitle('市科协召开2023年区科协联席会暨\n全市科协系统工作会议')).toEqual(['市科协召开2023年区科协联席会暨', '全市科协系统工作会议']);
    expect(layoutTitle('市科协召开\n工作会')).toEqual(['市科协召开', '工作会']);
  });

  it('breaks a long title at its space or before its dash, never inside a word', () => {
    // The fixture's printed title broke as "…标准化 多部门合" / "力打造…": inside 合力.
    expect(layoutTitle('多学科专家联合助推平谷大桃产业标准化 多部门合力打造产业兴旺“平谷样板”')).toEqual([
      '多学科专家联合助推平谷大桃产业标准化',
      '多部门合力打造产业兴旺“平谷样板”',
    ]);
    expect(layoutTitle('普及科学知识提升全民科学素质——北京市2023年全国科普日活动在京启动')).toEqual([
      '普及科学知识提升全民科学素质',
      '——北京市2023年全国科普日活动在京启动',
    ]);
    // The space inside the quotation is not taken: the line would end inside the quote.
    expect(layoutTitle('西城区科协举办“巾帼心向党 奋进新征程” 庆“三八节”女科技工作者活动')).toEqual([
      '西城区科协举办“巾帼心向党 奋进新征程”',
      '庆“三八节”女科技工作者活动',
    ]);
  });

  it('breaks after a comma before it balances between words', () => {
    expect(layoutTitle('坚持党建引领强化政治担当，推动首都科协事业高质量发展取得新成效')).toEqual([
      '坚持党建引领强化政治担当，',
      '推动首都科协事业高质量发展取得新成效',
    ]);
  });

  it('balances a title without punctuation between two words', () => {
    const title = '北京市科协全面开展学习贯彻习近平新时代中国特色社会主义思想主题教育工作部署会议召开';
    const lines = layoutTitle(title);
    expect(lines).toHaveLength(2);
    expectWellBroken(title, lines);
    expect(Math.abs(displayWidth(lines[0]!) - displayWidth(lines[1]!))).toBeLessThanOrEqual(2);
    // Between two words of the dictionary, not after a single character.
    expect(lines[0]).toBe('北京市科协全面开展学习贯彻习近平新时代中国');
  });

  it('never splits a Latin word or a number', () => {
    const title = '科技赋能共建数字乡村合作新生态2023 Digital Village Forum在京开幕';
    const lines = layoutTitle(title);
    expect(lines.length).toBeGreaterThan(1);
    expectWellBroken(title, lines);
    for (const word of ['2023', 'Digital', 'Village', 'Forum']) expect(lines.some((line) => line.includes(word)), word).toBe(true);
  });

  it('breaks every title of the printed fixtures well', () => {
    for (const name of ['2023-14.txt']) {
      for (const item of readFixtureIssue(name).items) expectWellBroken(item.title, layoutTitle(item.title));
    }
    expect(layoutTitle('丰台区航天科普嘉年华暨 云岗地区科普联盟成立仪式举行')).toEqual(['丰台区航天科普嘉年华暨', '云岗地区科普联盟成立仪式举行']);
  });

  it('gives up on a word too long for any line, quickly, and lets the printer wrap it', () => {
    const word = 'A'.repeat(50);
    const lines = layoutTitle(`${'科协'.repeat(5)}${word}${'工作'.repeat(4)}`);
    expect(lines.some((line) => line.includes(word))).toBe(true);
  });

  it('breaks a chosen line again only when it alone is too long', () => {
    const lines = layoutTitle(`${'科'.repeat(30)}\n短行`);
    expect(lines.length).toBe(3);
    expect(lines.at(-1)).toBe('短行');
  });
});

describe('title text and storage', () => {
  it('reads a chosen break as a space on one line', () => {
    expect(getTitleText('市科协召开2023年区科协联席会暨\n全市科协系统工作会议')).toBe('市科协召开2023年区科协联席会暨 全市科协系统工作会议');
    expect(getTitleText('没有分行的标题')).toBe('没有分行的标题');
    expect(hasChosenTitleBreak('甲\n乙')).toBe(true);
    expect(hasChosenTitleBreak('甲乙')).toBe(false);
  });

  it('stores one break, without the spaces and blank lines around it', () => {
    expect(normalizeTitle('  第一行 \r\n\n　第二行  ')).toBe('第一行\n第二行');
    expect(ZItemTitle.parse(' 第一行 \n 第二行 ')).toBe('第一行\n第二行');
    expect(ZItemTitle.parse('甲 乙　丙')).toBe('甲 乙　丙');
  });

  it.each([
    ['three lines', '一\n二\n三', '标题最多分两行（只能有一处换行）'],
    ['only breaks', ' \n \n', '请输入标题'],
    ['a tab', '甲\t乙', '标题含有不允许的字符（如控制符、零宽字符或文字方向控制符）'],
    ['a line separator', '甲\u2028乙', '标题含有不允许的字符（如控制符、零宽字符或文字方向控制符）'],
    ['angle brackets', '甲\n<b>乙</b>', '标题不能含有尖括号'],
    ['61 characters', `${'长'.repeat(30)}\n${'长'.repeat(31)}`, '标题不能超过60个字'],
    ['not text', 42, '请输入标题'],
  ])('refuses %s with a Chinese message', (_name, value, message) => {
    const result = ZItemTitle.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(message);
  });
});
