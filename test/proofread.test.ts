// The proofreading rules (lib/proofread), each with errors it must find and fix, correct text it
// must leave alone, and the published fixture issues as negative cases.
import { describe, expect, it } from 'vitest';
import { applyFixes, checkIssue, checkItem, checkText } from '@/lib/proofread/check';
import { proofreadText } from '@/lib/proofread/file';
import type { RuleId } from '@/lib/proofread/types';
import { BENCH_GLOSSARY, FIXTURE_ISSUE_NAMES, isRealFixtureError, readFixtureItems } from '@/test/support/proofread-corpus';

const options = { glossary: BENCH_GLOSSARY };

function rulesIn(text: string): RuleId[] {
  return checkText(text, options).map((f) => f.rule);
}

/** The text with every fix applied. */
function fixed(text: string): string {
  return applyFixes(text, checkText(text, options));
}

const fixtureParagraphs = FIXTURE_ISSUE_NAMES.flatMap((name) => readFixtureItems(name).flatMap((item) => item.paragraphs));

function fixtureFindings(rule: RuleId) {
  return fixtureParagraphs.flatMap((p) =>
    checkText(p, options)
      .filter((f) => f.rule === rule && !isRealFixtureError(f.rule, p, f.from, f.to))
      .map((f) => p.slice(Math.max(0, f.from - 8), f.to + 8)),
  );
}

describe('halfwidth-punctuation', () => {
  it('finds and fixes half-width marks in Chinese text', () => {
    expect(fixed('会议于昨日召开,沈洁主持.')).toBe('会议于昨日召开，沈洁主持。');
    expect(fixed('他说:要抓落实;不能松懈!对吗?')).toBe('他说：要抓落实；不能松懈！对吗？');
    expect(fixed('举办讲座(线上)并开展"科普进社区"活动')).toBe('举办讲座（线上）并开展“科普进社区”活动');
  });
  it('leaves decimals, times, thousands and Latin text alone', () => {
    expect(rulesIn('增长3.5%，10:30开始，共1,000人，参见www.bast.net.cn。')).not.toContain('halfwidth-punctuation');
    expect(rulesIn('会议采用Zoom (online) 进行')).not.toContain('halfwidth-punctuation');
  });
  it('finds nothing in the published issues', () => expect(fixtureFindings('halfwidth-punctuation')).toEqual([]));
});

describe('space-in-chinese', () => {
  it('removes spaces between Chinese, digits and letters', () => {
    expect(fixed('8 月 9 日，北京市科协召开 2023 年 工作会')).toBe('8月9日，北京市科协召开2023年工作会');
    expect(fixed('推进 AI 赋能')).toBe('推进AI赋能');
  });
  it('keeps the space between the phrases of a quoted slogan and in English', () => {
    expect(rulesIn('以“科技赋能 共建数字乡村合作新生态”为主题')).toEqual([]);
    expect(rulesIn('the Beijing Association for Science and Technology')).toEqual([]);
  });
  it('keeps the break of a two-line title written as a space', () => {
    const title = '丰台区航天科普嘉年华暨 云岗地区科普联盟成立仪式举行';
    expect(checkItem({ title, paragraphs: ['正文。'] }).filter((f) => f.field === 'title')).toEqual([]);
    expect(checkItem({ title: '2023 数字乡村大会在京召开', paragraphs: ['正文。'] }).map((f) => f.rule)).toEqual(['space-in-chinese']);
  });
  it('finds only real errors in the published issues', () => expect(fixtureFindings('space-in-chinese')).toEqual([]));
});

describe('unpaired-mark', () => {
  it('finds quotes, brackets and 书名号 without their partner', () => {
    const findings = checkText('学习《条例》和《办法，推进“数字科协建设。', options).filter((f) => f.rule === 'unpaired-mark');
    expect(findings.map((f) => f.message)).toEqual(['“《”没有对应的“》”', '““”没有对应的“””']);
    expect(findings.every((f) => f.fix === undefined)).toBe(true);
    expect(rulesIn('活动）结束')).toEqual(['unpaired-mark']);
  });
  it('accepts nested pairs', () => expect(rulesIn('他说：“学习《北京市科学技术协会章程》（2023年）。”')).toEqual([]));
  it('finds nothing in the published issues', () => expect(fixtureFindings('unpaired-mark')).toEqual([]));
});

describe('repeated-word', () => {
  it('removes a doubled function word or word', () => {
    expect(fixed('这是科协的的工作，做好了了各项准备')).toBe('这是科协的工作，做好了各项准备');
    expect(fixed('会议进行进行了部署，一是一是加强学习')).toBe('会议进行了部署，一是加强学习');
  });
  it('keeps words that are doubled on purpose', () => {
    for (const text of ['谢谢大家', '常常参加', '人人都是安全员', '为了了解情况', '不了了之', '达到目的的手段', '实实在在', '研究研究', '一步一步推进', '等等']) {
      expect(rulesIn(text), text).toEqual([]);
    }
  });
  it('finds only the real duplicate in the published issues', () => expect(fixtureFindings('repeated-word')).toEqual([]));
});

describe('ellipsis-dash', () => {
  it('writes …… and ——', () => {
    expect(fixed('包括讲座、展览...等')).toBe('包括讲座、展览……等');
    expect(fixed('包括讲座、展览…等')).toBe('包括讲座、展览……等');
    expect(fixed('科技馆--青少年的课堂')).toBe('科技馆——青少年的课堂');
    expect(fixed('科技馆—青少年的课堂')).toBe('科技馆——青少年的课堂');
  });
  it('keeps ranges and hyphens', () => expect(rulesIn('2023—2025年，COVID-19，第3-5名')).toEqual([]));
  it('finds nothing in the published issues', () => expect(fixtureFindings('ellipsis-dash')).toEqual([]));
});

describe('date-form', () => {
  it('writes dates as 2023年8月9日', () => {
    expect(fixed('8.9，市科协召开会议')).toBe('8月9日，市科协召开会议');
    expect(fixed('于2023.4.28召开，2023-04-28发布')).toBe('于2023年4月28日召开，2023年4月28日发布');
    expect(fixed('08月09日举行')).toBe('8月9日举行');
    expect(fixed('二〇二三年工作要点')).toBe('2023年工作要点');
    expect(fixed('23年4月开始')).toBe('2023年4月开始');
  });
  it('keeps decimals that are quantities', () => expect(rulesIn('增长8.9%，投资3.5亿元，1.2万人')).toEqual([]));
  it('finds nothing in the published issues', () => expect(fixtureFindings('date-form')).toEqual([]));
});

describe('number-form', () => {
  it('GB/T 15835 basics', () => {
    expect(fixed('共１２个项目')).toBe('共12个项目');
    expect(fixed('用三、四天时间')).toBe('用三四天时间');
    expect(fixed('来了20几位专家')).toBe('来了二十几位专家');
  });
  it('keeps lists that are not approximations', () => expect(rulesIn('一、二、三项任务；三、五个人')).toEqual([]));
  it('finds nothing in the published issues', () => expect(fixtureFindings('number-form')).toEqual([]));
});

describe('number-consistency', () => {
  it('flags the ordinal written the other way later in the issue', () => {
    const [first, second] = checkIssue([
      { title: '第十三届学术年会召开', paragraphs: ['第十三届学术年会在京召开。'] },
      { title: '学会动态', paragraphs: ['第13届学术年会分论坛举行，第2批名单公布。'] },
    ]);
    expect(first).toEqual([]);
    expect(second!.map((f) => [f.rule, f.excerpt, f.fix])).toEqual([['number-consistency', '13', '十三']]);
  });
  it('finds nothing in the published issues', () => {
    for (const name of FIXTURE_ISSUE_NAMES) {
      expect(checkIssue(readFixtureItems(name)).flat().filter((f) => f.rule === 'number-consistency')).toEqual([]);
    }
  });
});

describe('source-brackets', () => {
  it('asks for full-width brackets after the full stop in the last paragraph', () => {
    const item = (last: string) => checkItem({ title: '标题', paragraphs: ['第一段(未完)。', last] }).filter((f) => f.rule === 'source-brackets');
    expect(item('取得实效。(怀柔区科协)')[0]).toMatchObject({ fix: '（怀柔区科协）', paragraph: 1 });
    expect(item('取得实效（怀柔区科协）。')[0]).toMatchObject({ fix: '。（怀柔区科协）' });
    expect(item('取得实效。（怀柔区科协）')).toEqual([]);
  });
});

describe('titles', () => {
  it('fit in two printed lines and end without a full stop', () => {
    const long = '北京市科协召开全市科协系统深入学习贯彻党的二十大精神暨推进科协组织深化改革、服务高质量发展工作推进会议';
    expect(checkItem({ title: long, paragraphs: [] }).map((f) => f.rule)).toContain('title-length');
    expect(checkItem({ title: '市科协召开4月工作交流学习会。', paragraphs: [] })[0]).toMatchObject({ rule: 'title-punctuation', fix: '' });
  });
  it('finds nothing in the published titles', () => {
    for (const name of FIXTURE_ISSUE_NAMES) {
      for (const item of readFixtureItems(name)) {
        const findings = checkItem({ title: item.title, paragraphs: [] }).filter((f) => !isRealFixtureError(f.rule, item.title, f.from, f.to));
        expect(findings, item.title).toEqual([]);
      }
    }
  });
});

describe('glossary', () => {
  it('corrects a near miss of a person’s exact title, and a wrong name after it', () => {
    expect(fixed('市科协党组书记、常务付主席沈洁出席')).toBe('市科协党组书记、常务副主席沈洁出席');
    expect(fixed('市科协党组书记、常务副主席沈杰出席')).toBe('市科协党组书记、常务副主席沈洁出席');
  });
  it('accepts the exact title and its short forms', () => {
    for (const text of ['市科协党组书记、常务副主席沈洁出席', '党组书记、常务副主席沈洁主持', '党组书记沈洁主持会议', '沈洁强调']) {
      expect(rulesIn(text), text).toEqual([]);
    }
  });
  it('preferred forms and words to avoid', () => {
    expect(fixed('北京市科技协会和北京市科学枝术协会')).toBe('北京市科学技术协会和北京市科学技术协会');
    expect(fixed('截止目前，')).toBe('截至目前，');
  });
});

describe('npm run proofread', () => {
  it('places findings at their line and column in a hard-wrapped file', () => {
    const text = '会议于8 月 9 日召开,各单位参加。\n\n第二段没有问题。\n';
    expect(proofreadText(text).map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual([
      '1:5 space-in-chinese',
      '1:7 space-in-chinese',
      '1:9 space-in-chinese',
      '1:13 halfwidth-punctuation',
    ]);
    expect(proofreadText('第一行没有问题。\n')).toEqual([]);
  });
});
