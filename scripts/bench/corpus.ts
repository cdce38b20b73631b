// Synthetic bulletin text for the load benchmark: items that read like 科协每周动态 (units,
// events, themes, people, dates), from a seeded generator, so every run makes the same archive.
// Self-contained (no fixtures needed), so the benchmark runs on a fresh clone.

export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  /** Skewed towards the start of the list: a few units and themes are much more common. */
  const pickSkewed = <T>(list: readonly T[]): T => list[Math.floor(next() ** 2.2 * list.length)]!;
  return { next, int, pick, pickSkewed };
}

export type Random = ReturnType<typeof createRandom>;

export const DISTRICTS = ['东城区', '西城区', '朝阳区', '海淀区', '丰台区', '石景山区', '门头沟区', '房山区', '通州区', '顺义区', '昌平区', '大兴区', '怀柔区', '平谷区', '密云区', '延庆区'];

const FIELDS = [
  '土壤', '作物', '中医药', '安全技术', '物联网智能技术应用', '气象', '天文', '地质', '化学', '物理', '数学', '生物医学工程', '药学',
  '护理', '营养', '心理', '环境科学', '生态', '林学', '园艺', '畜牧兽医', '水利', '电机工程', '计算机', '人工智能', '信息安全', '通信',
  '电子', '机械工程', '汽车工程', '航空航天', '铁道', '公路', '建筑', '城市规划', '测绘', '材料研究', '金属', '能源', '核学', '光学',
  '声学', '力学', '统计', '科技史', '科普作家', '科学技术期刊', '图书馆', '档案', '标准化', '质量', '农学', '植物保护', '食品科学',
  '茶叶', '园林', '野生动物保护', '海洋', '听力', '康复医学', '预防医学', '针灸', '口腔医学', '眼科', '老年医学', '地理', '遥感',
];

/** Source units: district associations, societies, the service centre and office departments. */
export const UNITS = [
  '北京科技社团服务中心',
  ...DISTRICTS.map((d) => `${d}科协`),
  ...FIELDS.map((f, i) => `北京${f}${i % 3 === 0 ? '协会' : '学会'}`),
  '科普部', '学会部', '组织人事部', '调宣部', '北京科学中心', '北京科技教育促进会', '中关村认同应用技术跨界创新联盟', '首都女科技工作者协会',
];

export const SECTION_NAMES = ['学会动态', '区科协动态', '基层组织动态'] as const;

const THEMES = [
  '科技志愿服务', '全国科技工作者日', '科普进社区', '青少年科技创新', '数字乡村', '人工智能与城市治理', '学术年会', '科学家精神宣讲',
  '安全隐患大排查', '主题党日', '乡村振兴', '健康科普', '防灾减灾', '垃圾分类', '航天科普', '碳达峰碳中和', '智慧农业', '科技成果转化',
  '学会党建', '院士专家服务中心', '科学素质建设', '科普基地建设', '创新驱动发展', '决策咨询', '国际科技交流', '首都科技工作者沙龙',
  '女科技工作者', '青年人才托举', '科技馆之城', '全民科学素质', '科技社团改革', '楼宇科协', '园区科协', '高校科协', '企业科协',
];

const EVENTS = ['座谈会', '研讨会', '培训班', '开放日', '主题活动', '讲座', '论坛', '调研', '交流会', '启动仪式', '表彰会', '年会', '沙龙', '展览', '竞赛'];
const PEOPLE = ['科技工作者', '青少年', '社区居民', '学会会员', '专家学者', '中小学生', '企业代表', '志愿者', '高校师生', '基层干部'];
const PLACES = ['北京科学中心', '国家会议中心', '中关村展示中心', '区科技馆', '社区科普小院', '云湖会议中心', '学会会议室', '科技园区', '中学礼堂', '农业科技园'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌波辉宁鹏飞晨阳晓鸿雪梅健康海燕凤琳晶春';
const TITLES = ['主席', '副主席', '秘书长', '理事长', '院士', '研究员', '教授', '主任', '副区长', '党组书记'];

function personName(random: Random): string {
  return random.pick([...SURNAMES]) + random.pick([...GIVEN]) + (random.next() < 0.6 ? random.pick([...GIVEN]) : '');
}

function dateOf(issueDate: Date, random: Random): string {
  const day = new Date(issueDate.getTime() - random.int(1, 8) * 86_400_000);
  return `${day.getUTCMonth() + 1}月${day.getUTCDate()}日`;
}

function sentence(random: Random, context: { unit: string; theme: string; event: string; date: string }): string {
  const person = `${personName(random)}${random.pick(TITLES)}`;
  const templates = [
    () => `${context.date}，${context.unit}在${random.pick(PLACES)}举办${context.theme}${context.event}，${random.int(2, 30) * 10}余名${random.pick(PEOPLE)}参加。`,
    () => `${person}出席并讲话，对${context.unit}围绕${context.theme}开展的工作给予充分肯定。`,
    () => `活动围绕${random.pick(THEMES)}、${random.pick(THEMES)}等内容，邀请${random.int(3, 12)}位专家作专题报告，现场交流热烈。`,
    () => `${person}指出，要坚持以服务科技工作者为中心，推动${random.pick(THEMES)}工作走深走实，为首都高质量发展贡献科协力量。`,
    () => `下一步，${context.unit}将继续深化${context.theme}，完善工作机制，打造特色品牌，不断提升服务能力和水平。`,
    () => `与会人员结合${random.pick(DISTRICTS)}实际，就${random.pick(THEMES)}和${random.pick(THEMES)}进行了深入研讨，提出意见建议${random.int(5, 40)}条。`,
    () => `本次${context.event}设置${random.int(2, 8)}个展区、${random.int(10, 60)}个互动项目，${random.pick(PEOPLE)}纷纷表示收获很大。`,
    () => `据悉，${context.unit}今年以来已累计开展${context.theme}活动${random.int(5, 80)}场次，覆盖人群${random.int(1, 9)}万余人次。`,
    () => `${personName(random)}等${random.int(2, 9)}位代表作交流发言，分享了在${random.pick(THEMES)}方面的经验做法。`,
    () => `一是加强组织领导，二是强化资源整合，三是注重宣传引导，推动${context.theme}取得实效。`,
  ];
  return random.pick(templates)();
}

export interface GeneratedItem {
  title: string;
  paragraphs: string[];
  sources: string[];
}

/** One item: a title, three to six paragraphs and its sources. */
export function generateItem(random: Random, issueDate: Date, isLead: boolean): GeneratedItem {
  const units = isLead ? [] : [random.pickSkewed(UNITS), ...(random.next() < 0.25 ? [random.pickSkewed(UNITS)] : [])];
  const unit = isLead ? '市科协' : units[0]!;
  const context = { unit, theme: random.pickSkewed(THEMES), event: random.pick(EVENTS), date: dateOf(issueDate, random) };
  const title = random.pick([
    () => `${unit}举办${context.theme}${context.event}`,
    () => `${unit}开展${context.theme}活动`,
    () => `${context.theme}${context.event}在${random.pick(PLACES)}举行`,
    () => `${unit}召开${context.theme}工作${context.event}`,
    () => `${random.pick(DISTRICTS)}${context.theme}${context.event}成功举办`,
  ])();
  // About 500 characters, as the items of the printed issues in ../shared/fixtures.
  const paragraphs = Array.from({ length: random.int(3, 6) }, () =>
    Array.from({ length: random.int(2, 5) }, () => sentence(random, context)).join(''),
  );
  return { title, paragraphs, sources: units.length === 2 && units[0] === units[1] ? [units[0]!] : units };
}

/** Queries a person would type: one and two characters, words, names, a phrase, two terms, a miss. */
export const SEARCH_QUERIES = [
  '科协', '科普', '院士', '密云', '学会', '嘉年华', '科技工作者', '人工智能', '数字乡村', '志愿服务', '乡村振兴 科普', '海淀区科协',
  '学术年会', '航天', '院', '沙龙', '北京土壤学会', '碳中和', '科技馆之城', '青少年科技创新', '不存在的词语', '楼宇 园区', '张伟', '培训班',
];
