import { expect, it } from 'vitest';
import { readFixtureIssue } from './support/issue-fixture';

it('reads issue 2023-14 into its items, sections and sources', () => {
  const issue = readFixtureIssue('2023-14.txt');
  expect(issue).toMatchObject({ yearLabel: '2023年 第14期', totalLabel: '(总第67期)', date: '2023年4月28日', editor: '张红波', reviewer: '李金涛' });
  expect(issue.items.map((i) => [i.section, i.title, i.paragraphs.length, i.sources.join('、')])).toEqual([
    [null, '市科协召开4月工作交流学习会', 4, ''],
    [null, '市科协全面开展安全隐患大排查大整治工作', 3, ''],
    ['学会动态', '2023 数字乡村发展与合作大会在京召开', 3, '北京物联网智能技术应用协会'],
    ['学会动态', '北京安全技术学会党建小组开展主题党日活动', 2, '北京安全技术学会'],
    ['区科协动态', '密云区科协第二次代表大会召开', 3, '密云区科协'],
    ['区科协动态', '市科协到密云区调研科学素质建设工作', 4, '科普部、科技社团服务中心'],
    ['区科协动态', '丰台区航天科普嘉年华暨 云岗地区科普联盟成立仪式举行', 2, '丰台区科协'],
  ]);
  expect(issue.distribution).toHaveLength(4);
  expect(issue.items.flatMap((i) => i.paragraphs).every((p) => !p.includes('\n'))).toBe(true);
});
