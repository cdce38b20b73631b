import NextAuth from 'next-auth';
import { NextResponse, type NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth';

const handler = NextAuth(authOptions);

// What the login form and the session helpers use. Everything else next-auth would answer
// with its own English pages and messages (email sign-in, provider pages): a Chinese 404.
const GET_ACTIONS = new Set(['session', 'csrf', 'providers', 'signin', 'signout', 'error']);
const POST_ACTIONS = new Set(['signin', 'callback', 'signout', 'session', '_log']);

type Context = { params: Promise<{ nextauth: string[] }> };

function only(actions: Set<string>) {
  return async (request: NextRequest, context: Context) => {
    const [action] = (await context.params).nextauth;
    if (!action || !actions.has(action)) {
      return NextResponse.json({ ok: false, status: 404, code: 'NOT_FOUND', message: '没有这个登录操作。' }, { status: 404 });
    }
    return handler(request, context);
  };
}

export const GET = only(GET_ACTIONS);
export const POST = only(POST_ACTIONS);
