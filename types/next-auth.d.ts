import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface User {
    id: string;
    sessionVersion: number;
  }
  interface Session {
    uid: number;
    sv: number;
    /** This session's id, refused once it has been signed out (lib/auth.ts). */
    sid: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: number;
    sv?: number;
    sid?: string;
  }
}
