// Actions are typed by their schemas: a client call with the wrong input does not compile
// (checked by `tsc --noEmit`, which covers this file), while the action still parses whatever
// arrives at run time. Error details are typed by their code.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { callWithRawInput, type ActionResult } from '@/lib/action-result';
import type { importIssuesAction } from '@/lib/actions/imports';
import type { ImportPreview } from '@/lib/data/imports';
import type { ItemDetail } from '@/lib/data/items';
import { createTestUser } from './support/factories';
import { loginAs } from './support/session';

const { createIssueAction, submitIssueAction, returnIssueAction } = await import('@/lib/actions/issues');
type ImportIssuesAction = typeof importIssuesAction;

describe('typed actions', () => {
  it('take the input their schema accepts', () => {
    expectTypeOf(submitIssueAction).parameter(0).toEqualTypeOf<{ id: string | number }>();
    expectTypeOf(returnIssueAction).parameter(0).toEqualTypeOf<{ id: string | number; comment: string }>();
    // A file upload also takes the form it is sent as.
    expectTypeOf<FormData>().toExtend<Parameters<ImportIssuesAction>[0]>();
    // @ts-expect-error a comment is required
    expectTypeOf(returnIssueAction).toBeCallableWith({ id: 1 });
    // @ts-expect-error the id is a number (or its digits), not a flag
    expectTypeOf(submitIssueAction).toBeCallableWith({ id: true });
  });

  it('type error details by code', () => {
    const describe = (result: ActionResult<null>) => {
      if (result.ok) return;
      if (result.code === 'CONFLICT') expectTypeOf(result.details).toEqualTypeOf<ItemDetail | ImportPreview | undefined>();
      if (result.code === 'NOT_FOUND') expectTypeOf(result.details).toEqualTypeOf<undefined>();
    };
    expect(describe).toBeTypeOf('function');
  });

  it('still parse raw input at run time, answering in Chinese', async () => {
    loginAs(await createTestUser({ roles: ['EDITOR'] }));
    for (const garbage of [null, 'x', [], { issueDate: 20230505 }, { issueDate: '2023-02-30' }]) {
      const result = await callWithRawInput(createIssueAction, garbage);
      expect(result, JSON.stringify(garbage)).toMatchObject({ ok: false, status: 400, code: 'INVALID_INPUT' });
      expect(result.ok ? '' : result.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
