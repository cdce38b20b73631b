// What every form and action shares: ids within int4, text PostgreSQL can store, nothing
// invisible in names, and whole bodies that are too deep or hold broken strings.
import { describe, expect, it } from 'vitest';
import { callWithRawInput } from '@/lib/action-result';
import { db } from '@/lib/db';
import { parseId } from '@/lib/route-params';
import {
  findInputProblem,
  INPUT_LIMITS,
  INT4_MAX,
  INVISIBLE_CHARACTER_HINT,
  ZId,
  removeInvisibleCharacters,
  ZOptionalId,
  ZSearchQuery,
  ZText,
} from '@/lib/validations/common';
import { ZItemBody, ZItemBodyInput } from '@/lib/validations/item-body';
import { createTestUser } from './support/factories';
import { loginAs } from './support/session';

const { resetPasswordAction, updateUserAction, createUserAction } = await import('@/lib/actions/users');
const { createItemAction } = await import('@/lib/actions/items');
const { addReviewCommentAction } = await import('@/lib/actions/issues');

describe('ZId', () => {
  it.each([1, '1', 42, '2147483647', INT4_MAX])('accepts %j', (value) => {
    expect(ZId().parse(value)).toBe(Number(value));
  });

  it.each([true, false, [1], '1e0', ' 1', '01', '0x1', 0, -1, 1.5, INT4_MAX + 1, '2147483648', '99999999999', null, {}, Number.NaN])(
    'refuses %j',
    (value) => {
      expect(ZId('稿件编号无效').safeParse(value).error?.issues[0]?.message).toBe('稿件编号无效');
    },
  );

  it('makes route segments above int4 a 404, not a database error', () => {
    expect(parseId('2147483647')).toBe(INT4_MAX);
    expect(parseId('2147483648')).toBeNull();
    expect(parseId('1e3')).toBeNull();
    expect(parseId(undefined)).toBeNull();
  });
});

describe('ZOptionalId', () => {
  it('reads an empty field or null as none', () => {
    expect(ZOptionalId().parse('')).toBeNull();
    expect(ZOptionalId().parse(null)).toBeNull();
    expect(ZOptionalId().parse(undefined)).toBeNull();
    expect(ZOptionalId().parse('7')).toBe(7);
  });

  it.each(['first', ' 1', '2147483648', true, [1], {}])('refuses %j with its own Chinese message', (value) => {
    expect(ZOptionalId('专栏无效').safeParse(value).error?.issues.map((issue) => issue.message)).toEqual(['专栏无效']);
  });
});

describe('ZText', () => {
  const title = ZText('标题', { max: 10, required: '请输入标题' });
  const comment = ZText('意见', { max: 10, required: '请输入意见', isMultiline: true });
  const refused = `标题含有不允许的字符${INVISIBLE_CHARACTER_HINT}`;

  it('trims and normalises to NFC', () => {
    expect(title.parse('  e\u0301 ')).toBe('\u00e9');
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', 'a\udc00b'],
    ['a zero-width space', '科协\u200b动态'],
    ['a zero-width joiner', '科协\u200d动态'],
    ['a BOM', '科\ufeff协'],
    ['a right-to-left override', '科协\u202e动态'],
    ['a bidi isolate', '科协\u2066动态\u2069'],
    ['a line break', '科协\n动态'],
    ['a line separator', '科协\u2028动态'],
  ])('refuses %s in a title', (_name, value) => {
    expect(title.safeParse(value).error?.issues.map((i) => i.message)).toEqual([refused]);
  });

  it('keeps line breaks in multi-line text, and still refuses the invisible', () => {
    expect(comment.parse('第一行\r\n第二行')).toBe('第一行\n第二行');
    expect(comment.safeParse('第一行\u202e').success).toBe(false);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(title.safeParse('𠀀'.repeat(10)).success).toBe(true);
    expect(title.safeParse('𠀀'.repeat(11)).error?.issues[0]?.message).toBe('标题不能超过10个字');
  });

  it('turns an unusable search into no search', () => {
    expect(ZSearchQuery.parse('科协\u0000')).toBe('');
    expect(ZSearchQuery.parse(['科协', '动态'])).toBe('科协');
    expect(ZSearchQuery.parse('x'.repeat(61))).toBe('');
  });
});

describe('item bodies', () => {
  const body = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

  it('refuses invisible characters in what the editor sends, but still reads what was stored', () => {
    expect(ZItemBodyInput.safeParse(body('科协\u200b动态')).error?.issues[0]?.message).toBe(`正文含有不允许的字符${INVISIBLE_CHARACTER_HINT}`);
    expect(ZItemBodyInput.safeParse(body('科协动态')).success).toBe(true);
    expect(ZItemBody.safeParse(body('科协\u200b动态')).success).toBe(true);
  });

  it('drops from pasted text what the server would refuse, keeping line breaks and tabs', () => {
    expect(removeInvisibleCharacters('科\u200b协\u00ad动\u202e态\r\n第二行\t\u0000\ud800')).toBe('科协动态\n第二行\t');
    expect(removeInvisibleCharacters('<p>科\ufeff协</p>')).toBe('<p>科协</p>');
  });
});

describe('findInputProblem', () => {
  it('finds broken strings anywhere, keys included', () => {
    expect(findInputProblem({ a: [{ b: 'x\u0000' }] })).toMatch(/无法保存的字符/);
    expect(findInputProblem({ ['k\ud800']: 1 })).toMatch(/无法保存的字符/);
    expect(findInputProblem({ a: ['fine', 1, null, true] })).toBeNull();
  });

  it('refuses deep nesting without overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(200_000) + ']'.repeat(200_000));
    expect(findInputProblem(deep)).toMatch(/嵌套过深/);
    let nested: unknown = 'x';
    for (let i = 0; i < INPUT_LIMITS.depth - 1; i++) nested = [nested];
    expect(findInputProblem(nested)).toBeNull();
  });

  it('refuses a body with too many values', () => {
    expect(findInputProblem(Array.from({ length: INPUT_LIMITS.values + 1 }, () => 1))).toMatch(/内容过多/);
  });
});

describe('actions refuse what a type allows but a record cannot be', () => {
  it('does not take `true` for user 1 (it used to reset their password)', async () => {
    const admin = await createTestUser({ roles: ['ADMIN'] });
    loginAs(admin);
    const before = await db.user.findMany({ orderBy: { id: 'asc' }, select: { id: true, passwordHash: true } });
    for (const id of [true, [admin.id], '1e0', INT4_MAX + 1, `${admin.id}.0`]) {
      const result = await callWithRawInput(resetPasswordAction, { id });
      expect(result, JSON.stringify(id)).toMatchObject({ ok: false, status: 400, fieldErrors: { id: ['用户编号无效'] } });
    }
    expect(await db.user.findMany({ orderBy: { id: 'asc' }, select: { id: true, passwordHash: true } })).toEqual(before);
  });

  it('answers a null body, NUL and lone surrogates with 400 in Chinese', async () => {
    const admin = await createTestUser({ roles: ['ADMIN', 'EDITOR', 'REVIEWER'] });
    loginAs(admin);
    const users = await db.user.count();
    expect(await callWithRawInput(createUserAction, null)).toMatchObject({ ok: false, status: 400, message: '提交的内容有误，请检查后重试。' });
    expect(await createUserAction({ username: 'nul', displayName: '张\u0000三', roles: ['STAFF'] })).toMatchObject({
      status: 400,
      message: expect.stringMatching(/无法保存的字符/),
    });
    expect(await updateUserAction({ id: admin.id, displayName: '\ud800', roles: ['ADMIN'] })).toMatchObject({ status: 400 });
    expect(await createItemAction({ title: '标题\u202e', sectionId: 1, body: { type: 'doc', content: [] } })).toMatchObject({
      status: 400,
      fieldErrors: { title: [`标题含有不允许的字符${INVISIBLE_CHARACTER_HINT}`] },
    });
    expect(await addReviewCommentAction({ id: 1, body: '意见\u200b' })).toMatchObject({ status: 400 });
    expect(await db.user.count()).toBe(users);
    expect(await db.item.count()).toBe(0);
  });

  it('treats a form field named __proto__ as a field, not as the prototype', async () => {
    const admin = await createTestUser({ roles: ['ADMIN'] });
    loginAs(admin);
    const form = new FormData();
    form.append('__proto__', 'x');
    form.append('displayName', '某人');
    const result = await callWithRawInput(createUserAction, form);
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
