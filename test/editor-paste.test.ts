import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from '@/lib/paste/html-paste';
import { parsePlainTextPaste } from '@/lib/paste/plain-text-paste';
import { detectTrailingSource, removeTrailingSource, stripTrailingSource } from '@/lib/paste/trailing-source';
import type { ItemBody } from '@/lib/validations/item-body';
import { displayWidth } from '@/lib/layout/estimate';

const SHARED_FIXTURES = path.join(import.meta.dirname, '../../shared/fixtures');
const LOCAL_FIXTURES = path.join(import.meta.dirname, 'fixtures');

// linkedom's Document is structurally a DOM Document; the cleaner only uses standard DOM API.
const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

/**
 * Splits shared/fixtures/items/2023-02-items.txt into its items. The file is text extracted
 * from a PDF: every printed line is followed by a blank line (except at page breaks, where the
 * next line starts with one space), section headings `【…】` stand on their own line between
 * items, and an item ends with the short line that closes its source `…。（西城区科协）`
 * (the first item, the association's own news, has no source and ends at the next heading).
 */
function readFixtureItems(): string[] {
  const text = readFileSync(path.join(SHARED_FIXTURES, 'items/2023-02-items.txt'), 'utf8');
  const items: string[] = [];
  let current: string[] = [];
  const close = () => {
    if (current.some((line) => line.trim() !== '')) items.push(current.join('\n'));
    current = [];
  };
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (/^【[^】]+】$/u.test(trimmed)) {
      close();
      continue;
    }
    current.push(line);
    if (trimmed.endsWith('）') && displayWidth(trimmed) < 24) close();
  }
  close();
  return items;
}

function nonBlankLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

describe('parsePlainTextPaste on shared/fixtures/items/2023-02-items.txt', () => {
  const items = readFixtureItems();

  it('finds the five items of the file', () => {
    expect(items).toHaveLength(5);
  });

  it('rebuilds every item without losing, adding or reordering a character', () => {
    for (const item of items) {
      const { paragraphs } = parsePlainTextPaste(item);
      for (const paragraph of paragraphs) expect(paragraph).not.toMatch(/[\r\n]/u);
      // No line of this file ends and starts with Latin letters, so joining adds nothing.
      expect(paragraphs.join('')).toBe(nonBlankLines(item).join(''));
      // The title line (first) and the source line (last) are where the file has them.
      const lines = nonBlankLines(item);
      expect(paragraphs[0]?.startsWith(lines[0] ?? '∅')).toBe(true);
      expect(paragraphs.at(-1)?.endsWith(lines.at(-1) ?? '∅')).toBe(true);
    }
  });

  it('item 1 (lead item, no source): title + 7 paragraphs, page-break lines joined', () => {
    const { paragraphs, sources } = parsePlainTextPaste(items[0] ?? '');
    expect(paragraphs).toHaveLength(8);
    expect(paragraphs[0]).toBe('市科协召开 2023 年党建工作会暨党建工作述职会');
    expect(paragraphs[1]).toBe('2 月 22 日，北京市科协召开 2023 年党建工作会暨党建工作述职会。党组书记沈洁主持会议。');
    // " 科协组织时代重任" starts a PDF page with one space and no blank line before it.
    expect(paragraphs[4]).toContain('要清醒认识科协组织时代重任，充分发挥开放型');
    // A full line that happens to end with 。 still continues ("群众性。" / "市科协要…").
    expect(paragraphs[5]?.startsWith('坚持党旗所向，准确理解科协组织政治性、先进性、群众性。市科协要准确把握')).toBe(true);
    expect(paragraphs[7]?.startsWith('市科协要以建实建强“三个机关”为目标')).toBe(true);
    expect(paragraphs[7]?.endsWith('为六十年辉煌再出发提供坚强的政治保障。')).toBe(true);
    expect(sources).toBeNull();
  });

  it('item 2: a title wrapped by hand over two lines, three sources wrapped across lines', () => {
    const { paragraphs, sources } = parsePlainTextPaste(items[1] ?? '');
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[0]).toBe('多学科专家联合助推平谷大桃产业标准化 多部门合力打造产业兴旺“平谷样板”');
    expect(paragraphs[1]?.startsWith('2 月 21 日，北京科技社团服务中心、平谷区科协、北京土壤学会、')).toBe(true);
    expect(paragraphs[1]).toContain('盒马鲜生（北京公司）共同组织召开专题座谈会');
    expect(paragraphs[3]?.startsWith('下一步，社团中心将推动成立科创中国•北京科技助力乡村振兴联合体')).toBe(true);
    expect(paragraphs[3]?.endsWith('贡献力量。（北京科技社团服务中心、平谷区科协、北京土壤学会）')).toBe(true);
    expect(sources).toEqual(['北京科技社团服务中心', '平谷区科协', '北京土壤学会']);
    expect(stripTrailingSource(paragraphs[3] ?? '').endsWith('为北京乡村振兴和农业农村高质量发展贡献力量。')).toBe(true);
  });

  it('item 3: title + 4 paragraphs, source 西城区科协', () => {
    const { paragraphs, sources } = parsePlainTextPaste(items[2] ?? '');
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs[0]).toBe('西城区举办数字经济专场茶话会共商高质量发展');
    expect(paragraphs[1]?.startsWith('2 月 20 日下午，西城区数字经济专场茶话会在金融街 i 客厅举行')).toBe(true);
    expect(paragraphs[2]).toContain('合力实现“开门红”。牢牢把握首都功能核心区定位');
    expect(paragraphs[2]?.endsWith('下大气力推进复工复产、快速复工达产。')).toBe(true);
    expect(paragraphs[4]?.endsWith('不断做好政策解读和服务保障。（西城区科协）')).toBe(true);
    expect(sources).toEqual(['西城区科协']);
  });

  it('item 4: title + 2 paragraphs, source 房山区科协', () => {
    const { paragraphs, sources } = parsePlainTextPaste(items[3] ?? '');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toBe('房山区科协系列科普讲座“京郊常见动物”完成录制');
    expect(paragraphs[1]).toBe(
      '日前，由房山区科协联系对接、区文化活动中心负责录制的主题为“京郊常见动物”系列科普讲座完成制作。' +
        '该系列讲座共52 集，每集介绍一个动物，将在区文化活动中心网络平台上每周推出一期。',
    );
    expect(paragraphs[2]?.endsWith('《生灵物语》科普系列丛书。（房山区科协）')).toBe(true);
    expect(sources).toEqual(['房山区科协']);
  });

  it('item 5: title + 3 paragraphs, source 延庆区科协', () => {
    const { paragraphs, sources } = parsePlainTextPaste(items[4] ?? '');
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[0]).toBe('延庆区科协一行到绿富隆公司调研');
    expect(paragraphs[2]).toBe(
      '博士后科研工作站负责人张瑾博士将公司近几年科技投入情况、科技项目执行情况、现代化精准农业服务体系、' +
        '园区创新发展情况以及取得的成果作了介绍，董事长韩慧敏就公司近几年来的人才队伍建设、科技创新以及对全区农业' +
        '产业辐射带动作用等情况进行了介绍。',
    );
    expect(sources).toEqual(['延庆区科协']);
  });

  it('keeps the long lines of an unwrapped issue text (issues/2023-14.txt) as they are', () => {
    const text = readFileSync(path.join(SHARED_FIXTURES, 'issues/2023-14.txt'), 'utf8');
    const { paragraphs } = parsePlainTextPaste(text);
    expect(paragraphs).toEqual(nonBlankLines(text));
  });
});

describe('parsePlainTextPaste rules', () => {
  const full = (char: string) => char.repeat(28);

  it('joins full lines and ends a paragraph at a clearly short line', () => {
    const text = [full('甲'), full('乙'), `${'丙'.repeat(9)}。`, `${'丁'.repeat(26)}`, '戊戊戊”。'].join('\n');
    expect(parsePlainTextPaste(text).paragraphs).toEqual([
      `${full('甲')}${full('乙')}${'丙'.repeat(9)}。`,
      `${'丁'.repeat(26)}戊戊戊”。`,
    ]);
  });

  it('separates paragraphs at blank lines', () => {
    const text = `${full('甲')}\n甲甲。\n\n${full('乙')}\n乙乙。\n\n\n丙丙。`;
    expect(parsePlainTextPaste(text).paragraphs).toEqual([`${full('甲')}甲甲。`, `${full('乙')}乙乙。`, '丙丙。']);
  });

  it('treats a blank line after every line as double spacing, not as paragraph breaks', () => {
    const text = [full('甲'), '', full('甲'), '', '甲甲。', '', full('乙'), '', '乙乙。'].join('\n');
    expect(parsePlainTextPaste(text).paragraphs).toEqual([`${full('甲').repeat(2)}甲甲。`, `${full('乙')}乙乙。`]);
  });

  it('starts a paragraph at an indent (full-width spaces, two spaces, tab) but not at one space', () => {
    const text = [full('甲'), '　　乙乙乙乙乙。', full('丙'), '  丁丁。', full('戊'), '\t己己。', full('庚'), ' 辛辛。'].join('\n');
    expect(parsePlainTextPaste(text).paragraphs).toEqual([
      full('甲'),
      '乙乙乙乙乙。',
      full('丙'),
      '丁丁。',
      full('戊'),
      '己己。',
      `${full('庚')}辛辛。`,
    ]);
  });

  it('adds a space only between Latin letters or digits', () => {
    const cjk = '科'.repeat(24);
    const text = [`${cjk}  2023`, '年的工作要点。', '', `${'协'.repeat(25)} Hello`, 'world，你好。'].join('\n');
    expect(parsePlainTextPaste(text).paragraphs).toEqual([
      `${cjk}  2023年的工作要点。`,
      `${'协'.repeat(25)} Hello world，你好。`,
    ]);
  });

  it('keeps each line of text that is not hard-wrapped', () => {
    const long = (char: string) => `${char.repeat(70)}。`;
    expect(parsePlainTextPaste(`${long('甲')}\n${long('乙')}\n${long('丙')}`).paragraphs).toEqual([
      long('甲'),
      long('乙'),
      long('丙'),
    ]);
    // Short lines (a list, a masthead) are not joined either.
    expect(parsePlainTextPaste('编辑：张红波\n审核：李金涛\n市科协驻会领导').paragraphs).toEqual([
      '编辑：张红波',
      '审核：李金涛',
      '市科协驻会领导',
    ]);
  });

  it('joins a two-line paste wrapped at the grid', () => {
    const text = '2 月 22 日，北京市科协召开 2023 年党建工作会暨党建工作\n述职会。党组书记沈洁主持会议。';
    expect(parsePlainTextPaste(text).paragraphs).toEqual([
      '2 月 22 日，北京市科协召开 2023 年党建工作会暨党建工作述职会。党组书记沈洁主持会议。',
    ]);
  });

  it('starts a paragraph where a full line ends a sentence and the next fits an indented first line', () => {
    // The paragraph ended exactly at the end of a line; the next one lost its two-character indent.
    const ended = `${'甲'.repeat(27)}。`;
    const text = [`${'丙'.repeat(26)}`, ended, '乙'.repeat(26), `${'乙'.repeat(28)}`, '乙乙。'].join('\n');
    expect(parsePlainTextPaste(text).paragraphs).toEqual([`${'丙'.repeat(26)}${ended}`, `${'乙'.repeat(54)}乙乙。`]);
    // A continuation is as wide as the grid: a sentence ending at the end of a line goes on.
    expect(parsePlainTextPaste([ended, '丁'.repeat(28), '丁丁。'].join('\n')).paragraphs).toEqual([`${ended}${'丁'.repeat(28)}丁丁。`]);
    // A full line that does not end a sentence always goes on.
    expect(parsePlainTextPaste(['甲'.repeat(28), '乙'.repeat(26), '乙乙。'].join('\n')).paragraphs).toEqual([`${'甲'.repeat(28)}${'乙'.repeat(26)}乙乙。`]);
  });

  it('joins a title set on two lines, with the space its break stands for, never two', () => {
    const body = ['甲'.repeat(26), '甲'.repeat(28), '甲甲。'];
    const parse = (...title: string[]) => parsePlainTextPaste([...title, ...body].join('\n')).paragraphs[0];
    expect(parse('普及科学知识', '提升全民科学素质')).toBe('普及科学知识 提升全民科学素质');
    expect(parse('普及科学知识 ', '提升全民科学素质')).toBe('普及科学知识 提升全民科学素质');
    expect(parse('普及科学知识　', '提升全民科学素质')).toBe('普及科学知识 提升全民科学素质');
    expect(parse('西城区科协举办“巾帼心向党 奋进新征程”', '庆“三八节”女科技工作者活动')).toBe('西城区科协举办“巾帼心向党 奋进新征程” 庆“三八节”女科技工作者活动');
    // A first line that is simply full ran over: no space (items/2023-02-items.txt, item 2).
    expect(parse('多学科专家联合助推平谷大桃产业标准化 多部门合', '力打造产业兴旺“平谷样板”')).toBe('多学科专家联合助推平谷大桃产业标准化 多部门合力打造产业兴旺“平谷样板”');
    // Two short lines that end sentences are not a title.
    expect(parsePlainTextPaste(['会议召开。', '与会者发言。', ...body].join('\n')).paragraphs.slice(0, 2)).toEqual(['会议召开。', '与会者发言。']);
  });

  it('drops page numbers and page breaks copied out of a PDF, and goes on across them', () => {
    const text = ['甲'.repeat(26), `${'甲'.repeat(27)}，`, '- 2 -', '', '\f甲'.concat('甲'.repeat(27)), '甲甲。', '-3-', '\f乙乙。'].join('\n');
    expect(parsePlainTextPaste(text).paragraphs).toEqual([`${'甲'.repeat(26)}${'甲'.repeat(27)}，${'甲'.repeat(28)}甲甲。`, '乙乙。']);
    // A number on a line of its own in a list is not page furniture.
    expect(parsePlainTextPaste('第一项\n2\n第二项').paragraphs).toEqual(['第一项', '2', '第二项']);
  });

  it('normalises CRLF and CR, trims trailing spaces and drops empty paragraphs', () => {
    const text = `\r\n　\r\n${full('甲')}  \r\n甲甲。\u3000\r\n\r\n  \r\n\r乙乙。 \r\n\r\n`;
    expect(parsePlainTextPaste(text)).toEqual({ paragraphs: [`${full('甲')}甲甲。`, '乙乙。'], sources: null });
    expect(parsePlainTextPaste('')).toEqual({ paragraphs: [], sources: null });
    expect(parsePlainTextPaste(' \n\t\n')).toEqual({ paragraphs: [], sources: null });
  });

  it('offers the source of the last paragraph without removing it', () => {
    const result = parsePlainTextPaste('会议在怀柔召开。\n\n与会人员进行了交流。（北京科技社团服务中心、平谷区科协）');
    expect(result.paragraphs).toEqual(['会议在怀柔召开。', '与会人员进行了交流。（北京科技社团服务中心、平谷区科协）']);
    expect(result.sources).toEqual(['北京科技社团服务中心', '平谷区科协']);
    // Only the last paragraph counts.
    expect(parsePlainTextPaste('交流。（怀柔区科协）\n\n另一段。').sources).toBeNull();
  });
});

describe('detectTrailingSource / stripTrailingSource', () => {
  it('splits the units on 、 and trims them', () => {
    expect(detectTrailingSource('……提供坚强保障。（怀柔区科协）')).toEqual(['怀柔区科协']);
    expect(detectTrailingSource('……。（ 北京科技社团服务中心 、平谷区科协、北京土壤学会）  ')).toEqual([
      '北京科技社团服务中心',
      '平谷区科协',
      '北京土壤学会',
    ]);
  });

  it('ignores parentheses that are not a closing source', () => {
    expect(detectTrailingSource('盒马鲜生（北京公司）共同组织召开专题座谈会。')).toBeNull(); // not at the end
    expect(detectTrailingSource('……。(怀柔区科协)')).toBeNull(); // half-width
    expect(detectTrailingSource('……（会议决定。另行通知）')).toBeNull(); // a sentence, not a source
    expect(detectTrailingSource(`……（${'科'.repeat(61)}）`)).toBeNull(); // too long
    expect(detectTrailingSource(`……（${'科'.repeat(60)}）`)).toHaveLength(1);
    expect(detectTrailingSource('……（）')).toBeNull();
    expect(detectTrailingSource('……（、）')).toBeNull();
  });

  it('removes only the source', () => {
    expect(stripTrailingSource('政策解读和服务保障。（西城区科协）')).toBe('政策解读和服务保障。');
    expect(stripTrailingSource('服务保障。 （西城区科协） ')).toBe('服务保障。');
    expect(stripTrailingSource('（怀柔区科协）')).toBe('');
    expect(stripTrailingSource('盒马鲜生（北京公司）共同组织。')).toBe('盒马鲜生（北京公司）共同组织。');
  });
});

describe('removeTrailingSource', () => {
  const text = (value: string, bold = false) => ({ type: 'text' as const, text: value, ...(bold ? { marks: [{ type: 'bold' as const }] } : {}) });
  const doc = (...paragraphs: ItemBody['content']): ItemBody => ({ type: 'doc', content: paragraphs });
  const paragraph = (...content: NonNullable<ItemBody['content'][number]['content']>) => ({ type: 'paragraph' as const, content });

  it('takes the source off the end of the last paragraph', () => {
    expect(removeTrailingSource(doc(paragraph(text('会议召开。')), paragraph(text('服务保障。（西城区科协）'))))).toEqual(
      doc(paragraph(text('会议召开。')), paragraph(text('服务保障。'))),
    );
  });

  it('leaves no empty paragraph or dangling line break where the source stood alone', () => {
    const pasted = doc(
      paragraph(text('会议召开。')),
      paragraph(text('（北京科技社团服务中心、平谷区科协）')),
      { type: 'paragraph' },
      paragraph({ type: 'hardBreak' }),
    );
    expect(removeTrailingSource(pasted)).toEqual(doc(paragraph(text('会议召开。'))));
    const afterBreak = doc(paragraph(text('会议召开。', true), { type: 'hardBreak' }, text('（怀柔区科协）')));
    expect(removeTrailingSource(afterBreak)).toEqual(doc(paragraph(text('会议召开。', true))));
  });

  it('keeps one empty paragraph when the source was all there was, and changes nothing without one', () => {
    expect(removeTrailingSource(doc(paragraph(text('（怀柔区科协）'))))).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    const none = doc(paragraph(text('盒马鲜生（北京公司）共同组织。')), { type: 'paragraph' });
    expect(removeTrailingSource(none)).toBe(none);
  });
});

describe('cleanPastedHtml on clipboard fixtures', () => {
  const clean = (file: string) => cleanPastedHtml(readFileSync(path.join(LOCAL_FIXTURES, file), 'utf8'), parseHtml);
  const ONLY_ALLOWED_TAGS = /^(?:<p>(?:[^<>]|<br>|<strong>[^<>]*<\/strong>)+<\/p>)+$/u;

  it('Word: keeps paragraphs and bold, drops styles, fonts, colours, Office XML and the empty paragraph', () => {
    const html = clean('word-clipboard.html');
    expect(html).toBe(
      '<p><strong>延庆区科协一行到绿富隆公司调研</strong></p>' +
        '<p>2月22日，延庆区科协一行到北京绿富隆农业股份有限公司走访科技工作者，与绿富隆领导班子、' +
        '绿富隆博士后科研工作站科研人员进行了<strong>深入交流</strong>。</p>' +
        '<p>区科协主席程大庆表示：将积极发挥桥梁纽带作用，与企业一道共同做好服务科技工作者工作，' +
        '争取市级资源、项目助力企业创新发展，希望该公司积极成立企业科协组织，建立科技工作者之家，凝聚力量；' +
        '突出博士后科研工作站优势，充分发挥科技人才作用，关心关注科技人才在工作生活中的困难和需求，' +
        '解决人才后顾之忧；借助绿富隆科普基地，开展特色科普活动和农业技术推广普及，争取建设市级、国家级科普基地。' +
        '（延庆区科协）</p>',
    );
    expect(html).toMatch(ONLY_ALLOWED_TAGS);
  });

  it('Word: the pasted paragraph is character for character the drafted one', () => {
    const drafted = parsePlainTextPaste(readFixtureItems()[4] ?? '').paragraphs[3];
    const pasted = /<p>(区科协主席[^<]*)<\/p>/u.exec(clean('word-clipboard.html'))?.[1];
    expect(pasted).toBe(drafted);
  });

  it('WPS: drops <font>, full-width indentation and &nbsp; filler, maps font-weight:bold to strong', () => {
    const html = clean('wps-clipboard.html');
    expect(html).toBe(
      '<p><strong>房山区科协系列科普讲座“京郊常见动物”完成录制</strong></p>' +
        '<p>日前，由房山区科协联系对接、区文化活动中心负责录制的主题为“京郊常见动物”系列科普讲座完成制作。' +
        '该系列讲座共52集，每集介绍一个动物，将在区文化活动中心网络平台上每周推出一期。</p>' +
        '<p><strong>讲座主讲人是房山区科协科普专家组成员索俐老师</strong>，曾获冰心儿童文学奖和冰心图书奖等奖项。' +
        '讲座以落实习近平主席在世界第十五次生物多样性公约签约国大会领导人峰会上的讲话精神、保护和推进生物多样性为主旨，' +
        '结合动物科普知识及作者与动物亲密接触、研究的成果，讲述了京郊常见的昆虫、鸟类、两栖、爬行等动物的奇闻趣事，' +
        '内容全部选自索俐老师本人所著的《生灵物语》科普系列丛书。（房山区科协）</p>',
    );
    expect(html).toMatch(ONLY_ALLOWED_TAGS);
  });

  it('web page: blocks become paragraphs, links text, scripts/iframes/images/hidden text gone', () => {
    const html = clean('web-clipboard.html');
    expect(html).toBe(
      '<p>西城区举办数字经济专场茶话会共商高质量发展</p>' +
        '<p>来源：西城区科协 发布时间：2023-02-24</p>' +
        '<p>2月20日下午，西城区数字经济专场茶话会在金融街 i 客厅举行，区政府与驻区数字经济相关重点企业齐聚一堂，' +
        '就数字经济发展、科技创新、加强联合技术攻关等听意见、谋良策、话发展。<strong>区委副书记、区长刘东伟</strong>' +
        '主持会议并讲话。</p>' +
        '<p>刘东伟指出，要同心同力、挖潜引培，助力数字经济蓬勃发展：</p>' +
        '<p><strong>系统化布局</strong>，提升新一代信息技术前沿创新竞争力。</p>' +
        '<p><strong>协同化推进</strong>，打造特色产业发展群落，实现数字化园区工作，共建创新联合体。</p>' +
        '<p>融合化应用，培育“数字+”融合发展新业态。</p>' +
        '<p>页面代码示例：&lt;script&gt;alert("西城")&lt;/script&gt; 与 A&amp;B 均应作为文字保留。</p>' +
        '<p>（西城区科协）</p>',
    );
    expect(html).toMatch(ONLY_ALLOWED_TAGS);
    expect(html).not.toMatch(/onerror|iframe|javascript|__stats|阅读 1024/u);
  });
});

describe('cleanPastedHtml rules', () => {
  const clean = (html: string) => cleanPastedHtml(html, parseHtml);

  it('drops Word list markers, with or without the conditional around them', () => {
    const withConditional =
      "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:仿宋_GB2312'>" +
      "<span style='mso-list:Ignore'>一、<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span></span>" +
      '<![endif]><span>坚持党建引领。</span></p>';
    expect(clean(withConditional)).toBe('<p>坚持党建引领。</p>');
    expect(clean("<p><span style='mso-list:Ignore'>1.&nbsp;</span>加强平台建设。</p>")).toBe('<p>加强平台建设。</p>');
  });

  it('removes comments, conditional comments and Office XML; keeps text of namespaced tags', () => {
    const html =
      '<body><!--StartFragment--><!--[if gte mso 9]><xml><w:WordDocument>Normal</w:WordDocument></xml><![endif]-->' +
      '<p>一<o:p></o:p><w:sdt>二</w:sdt><v:textbox>三</v:textbox></p><!--EndFragment--></body>';
    expect(clean(html)).toBe('<p>一二三</p>');
  });

  it('never nests paragraphs: blocks inside paragraphs, list items, headings and cells become paragraphs', () => {
    expect(clean('<div>甲<p>乙<div>丙</div>丁</p>戊</div>')).toBe('<p>甲</p><p>乙</p><p>丙</p><p>丁</p><p>戊</p>');
    expect(clean('<h1>标题</h1><blockquote>引文</blockquote><ol><li>一</li><li>二</li></ol>')).toBe(
      '<p>标题</p><p>引文</p><p>一</p><p>二</p>',
    );
    expect(clean('<table><tr><th>单位</th><td>怀柔区科协</td></tr></table>')).toBe('<p>单位</p><p>怀柔区科协</p>');
  });

  it('maps bold: <b>, <strong>, font-weight bold/700+, not 600, not font-weight:normal', () => {
    expect(clean('<p><b>甲</b><strong>乙</strong><span style="font-weight:bold">丙</span></p>')).toBe(
      '<p><strong>甲乙丙</strong></p>',
    );
    expect(clean('<p><span style="font-weight: 800 !important">甲</span><span style="font-weight:600">乙</span></p>')).toBe(
      '<p><strong>甲</strong>乙</p>',
    );
    // Google Docs wraps everything in <b style="font-weight:normal">; Word puts mso-bidi-font-weight on bold runs.
    expect(clean('<b style="font-weight:normal;"><p>甲</p></b>')).toBe('<p>甲</p>');
    expect(clean("<p><b style='mso-bidi-font-weight:normal'>甲</b><span style='mso-bidi-font-weight:bold'>乙</span></p>")).toBe(
      '<p><strong>甲</strong>乙</p>',
    );
    expect(clean('<p style="font-weight:bold">甲<span style="font-weight:normal">乙</span></p>')).toBe(
      '<p><strong>甲</strong>乙</p>',
    );
  });

  it('turns &nbsp; runs into one space and removes empty or blank paragraphs', () => {
    expect(clean('<p>A&nbsp;&nbsp;&nbsp;B</p><p>&nbsp;</p><p> \n </p><p><o:p>&nbsp;</o:p></p><p><br></p><p></p>')).toBe(
      '<p>A B</p>',
    );
  });

  it('collapses whitespace like a browser, but a source line break between Chinese characters vanishes', () => {
    expect(clean('<p>  科技\n工作者 \n and\nfriends  </p>')).toBe('<p>科技工作者 and friends</p>');
    expect(clean('<p>科技 工作者</p>')).toBe('<p>科技 工作者</p>');
    expect(clean('<p>2023\n年</p>')).toBe('<p>2023 年</p>');
  });

  it('keeps inner line breaks, drops leading and trailing ones', () => {
    expect(clean('<p><br>编辑：张红波<br>\n审核：李金涛<br><br></p>')).toBe('<p>编辑：张红波<br>审核：李金涛</p>');
    expect(clean('<pre>第一行\n第二行</pre>')).toBe('<p>第一行<br>第二行</p>');
  });

  it('keeps text that looks like markup escaped, and Chinese punctuation exactly', () => {
    expect(clean('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;</p>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;</p>',
    );
    const punctuation = '“开门红”（金融、金融科技）——《生灵物语》；：？！…「」『』〔〕·＋';
    expect(clean(`<p>${punctuation}</p>`)).toBe(`<p>${punctuation}</p>`);
  });

  it('drops scripts, styles, images, iframes, objects, form controls and every attribute', () => {
    const html =
      '<p class="x" style="color:red" lang="zh-CN" onclick="alert(1)"><font face="仿宋" color="red">甲</font>' +
      '<img src=x onerror="alert(1)"><a href="javascript:alert(1)" title="t">乙</a><script>alert(1)</script>' +
      '<style>p{}</style><iframe src="https://example.org"></iframe><object data="x.swf">丙</object>' +
      '<svg><text>丁</text></svg><input value="戊"><textarea>己</textarea></p>';
    expect(clean(html)).toBe('<p>甲乙</p>');
  });

  it('accepts fragments, raw CF_HTML and empty input', () => {
    expect(clean("<meta charset='utf-8'><span>甲</span><div>乙</div>")).toBe('<p>甲</p><p>乙</p>');
    expect(clean('Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000000200\r\n<html><body><p>甲</p></body></html>')).toBe(
      '<p>甲</p>',
    );
    expect(clean('')).toBe('');
    expect(clean('纯文本')).toBe('<p>纯文本</p>');
  });
});
