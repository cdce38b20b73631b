import { NextResponse, type NextRequest } from 'next/server';
import { toActionError } from '@/lib/action';
import { ACTIONS } from '@/lib/actions/registry';
import { AppError } from '@/lib/errors';

/** A cross-site page cannot post here: it must send JSON, from this origin. */
function assertSameOrigin(request: NextRequest) {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (origin && new URL(origin).host !== host) throw new AppError('BAD_ORIGIN');
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
    const body: unknown = await request.json().catch(() => {
      throw new AppError('INVALID_INPUT', '请求内容不是有效的 JSON。');
    });
    result = await run(body);
  } catch (error) {
    result = toActionError(error);
  }
  return NextResponse.json(result, { status: result.ok ? 200 : result.status });
}
