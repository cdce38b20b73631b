import { NextResponse, type NextRequest } from 'next/server';
import { toActionError } from '@/lib/action';
import { callWithRawInput } from '@/lib/action-result';
import { ACTIONS } from '@/lib/actions/registry';
import { AppError } from '@/lib/errors';
import { isAllowedOrigin } from '@/lib/origin';

/** Far above any real form (an item is at most 20,000 characters). */
const MAX_BODY_BYTES = 1024 * 1024;

/** The body as text, refused past MAX_BODY_BYTES without reading the rest. */
async function readBody(request: NextRequest): Promise<string> {
  if (Number(request.headers.get('content-length')) > MAX_BODY_BYTES) throw new AppError('TOO_LARGE');
  const reader = request.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new AppError('TOO_LARGE');
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A cross-site page cannot post here: it must send JSON, from this origin. */
function assertSameOrigin(request: NextRequest) {
  if (!isAllowedOrigin(request.headers)) throw new AppError('BAD_ORIGIN');
  if (!request.headers.get('content-type')?.startsWith('application/json')) {
    throw new AppError('INVALID_INPUT', '请求须为 JSON 格式。');
  }
}

export async function POST(request: NextRequest, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const run = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
  let result;
  try {
    if (!run) throw new AppError('NOT_FOUND', '没有这个操作。');
    assertSameOrigin(request);
    const text = await readBody(request);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError('INVALID_INPUT', '请求内容不是有效的 JSON。');
    }
    result = await callWithRawInput(run, body);
  } catch (error) {
    result = toActionError(error);
  }
  return NextResponse.json(result, { status: result.ok ? 200 : result.status });
}
