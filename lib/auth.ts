// next-auth setup and the session helpers every page, action and route uses.
// The JWT only says who logged in, with which session version and under which session id;
// roles and the disabled flag are read from the database on every request, so changes take
// effect immediately. Two ways to end sessions on the server: the per-user version ends every
// session of the account (disable, password reset); 退出登录 ends only its own session by
// refusing that session's id until the cookie would have expired (RevokedSession), so signing
// out on one device does not sign out the others, and a copied cookie stops working.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { cache } from 'react';
import { notFound, redirect } from 'next/navigation';
import { connection } from 'next/server';
import { getServerSession, type AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { db } from '@/lib/db';
import { getServerEnv } from '@/lib/env';
import { authenticateUser } from '@/lib/data/login';
import { AppError } from '@/lib/errors';
import { canAccess, hasAnyRole, type Area, type Role } from '@/lib/roles';
import { ZLogin } from '@/lib/validations/auth';

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** The client address: the socket address set by our server, or the proxy's when trusted. */
export function getClientIp(requestHeaders: Headers | Record<string, string | string[] | undefined>): string {
  const raw =
    requestHeaders instanceof Headers ? requestHeaders.get('x-forwarded-for') : requestHeaders['x-forwarded-for'];
  const value = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
  return value.split(',')[0]?.trim() || 'unknown';
}

export const authOptions: AuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  // next-auth's own pages are in English: every one of them is the login page here.
  pages: { signIn: '/login', signOut: '/login', error: '/login' },
  get secret() {
    const secret = getServerEnv().NEXTAUTH_SECRET;
    if (!secret) throw new Error('NEXTAUTH_SECRET is not set (npm start provides it)');
    return secret;
  },
  providers: [
    CredentialsProvider({
      name: 'credentials',
      credentials: { username: { type: 'text' }, password: { type: 'password' } },
      async authorize(credentials, req) {
        const parsed = ZLogin.safeParse(credentials);
        if (!parsed.success) throw new Error('INVALID_CREDENTIALS');
        const result = await authenticateUser({
          ...parsed.data,
          clientIp: getClientIp(req.headers ?? {}),
        });
        // The message travels to the login form as the `error` code.
        if (!result.ok) throw new Error(result.reason);
        return { id: String(result.user.id), sessionVersion: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = user.sessionVersion;
        token.sid = randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      session.uid = token.uid ?? 0;
      session.sv = token.sv ?? -1;
      session.sid = token.sid ?? '';
      return session;
    },
  },
  events: {
    // next-auth awaits this before it clears the cookie; the JWT's own expiry bounds the row.
    async signOut({ token }) {
      if (token?.sid) await revokeSession(token.sid, typeof token.exp === 'number' ? new Date(token.exp * 1000) : undefined);
    },
  },
};

/** Ends one session on the server (退出登录); expired entries are cleared on the way. */
export async function revokeSession(sessionId: string, expiresAt?: Date): Promise<void> {
  const now = new Date();
  await db.$transaction([
    db.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.revokedSession.upsert({
      where: { id: sessionId },
      create: { id: sessionId, expiresAt: expiresAt ?? new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
      update: {},
    }),
  ]);
}

export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
}

/**
 * The logged-in user, or null. A disabled account or a revoked session (its version no longer
 * matches) counts as logged out. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  await connection(); // depends on the request: never prerendered at build time
  const session = await getServerSession(authOptions);
  // A token without a session id predates sign-out revocation and cannot be revoked: refused.
  if (!session?.uid || !session.sid) return null;
  const [user, revoked] = await Promise.all([
    db.user.findUnique({
      where: { id: session.uid },
      select: { id: true, username: true, displayName: true, roles: true, isDisabled: true, sessionVersion: true },
    }),
    db.revokedSession.findUnique({ where: { id: session.sid }, select: { id: true } }),
  ]);
  if (!user || revoked || user.isDisabled || user.sessionVersion !== session.sv) return null;
  return { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles };
});

/** For actions and routes: the user, or an AppError that maps to 401/403. */
export async function requireUser(allowed?: readonly Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (allowed && !hasAnyRole(user.roles, allowed)) throw new AppError('FORBIDDEN');
  return user;
}

/** For pages: the user, after sending the logged-out to the login page and others to a 404. */
export async function requirePageAccess(area: Area): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  if (!canAccess(user.roles, area)) notFound();
  return user;
}
