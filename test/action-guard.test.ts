// The check in front of Next.js for raw Server Action bodies (scripts/action-guard.mjs): what
// React's own client sends for our actions passes, whatever React cannot decode is refused.
import { describe, expect, it } from 'vitest';
import { findActionBodyProblem } from '@/scripts/action-guard.mjs';

const text = (body: string) => findActionBodyProblem('text/plain;charset=UTF-8', Buffer.from(body));

async function multipart(fields: [string, string | Blob][]) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  const request = new Request('http://x/', { method: 'POST', body: form });
  return findActionBodyProblem(request.headers.get('content-type'), Buffer.from(await request.arrayBuffer()));
}

describe('raw Server Action bodies', () => {
  it('lets through what the client sends: plain arguments, escaped strings, dates, FormData with files', async () => {
    expect(await text('[{"id":1,"title":"标题","body":{"type":"doc","content":[]},"note":"$$5","x":"$undefined"}]')).toBeNull();
    expect(await text('["$D2023-08-11T00:00:00.000Z","$NaN","$-0","$n12"]')).toBeNull();
    expect(await text('[]')).toBeNull();
    const file = new File(['正文'], '2023-14.txt', { type: 'text/plain' });
    expect(await multipart([['0', '["$K1"]'], ['_1_files', file], ['_1_fingerprints', 'a'.repeat(64)]])).toBeNull();
    expect(await multipart([['0', '["$Q1"]'], ['1', '[["a",1]]']])).toBeNull();
  });

  it.each([
    ['garbage', 'garbage'],
    ['an unclosed array', '['],
    ['an empty body', ''],
    ['a Map part that is not there', '["$Q1"]'],
    ['an outlined model in a text body', '["$1"]'],
    ['a server reference', '["$h1"]'],
    ['a temporary reference', '["$T"]'],
    ['a typed array', '["$o1"]'],
    ['a huge BigInt', `["$n${'9'.repeat(400)}"]`],
    ['not an array', '{"a":1}'],
    ['5,000-deep nesting', '['.repeat(5000) + ']'.repeat(5000)],
    ['100,000-deep nesting', '{"a":'.repeat(100_000) + '0' + '}'.repeat(100_000)],
    ['nesting hidden in a string-looking key', `[${'{"\\"":'.repeat(100)}0${'}'.repeat(100)}]`],
  ])('refuses %s in a text body with a Chinese 400', async (_name, body) => {
    expect(await text(body)).toMatchObject({ status: 400, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
  });

  it('refuses broken or dangling multipart bodies', async () => {
    const broken = Buffer.from('--X\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--X');
    expect(await findActionBodyProblem('multipart/form-data; boundary=X', broken)).toMatchObject({ status: 400 });
    expect(await findActionBodyProblem('multipart/form-data', Buffer.from('whatever'))).toMatchObject({ status: 400 });
    expect(await multipart([['1', '[]']])).toMatchObject({ status: 400 }); // no root part
    expect(await multipart([['0', '["$Q2"]'], ['1', '[]']])).toMatchObject({ status: 400 });
    expect(await multipart([['0', '["$B1"]'], ['1', 'not a blob']])).toMatchObject({ status: 400 });
    expect(await multipart([['0', '["$1"]'], ['1', '{"a":']])).toMatchObject({ status: 400 });
    expect(await multipart([['0', '["$1"]'], ['1', '["$2"]'], ['2', '["$1"]']])).toBeNull(); // a cycle is walked once
    expect(await multipart([['0', '[]'], ['$ACTION_ID_abc', '']])).toMatchObject({ status: 400 });
  });
});
