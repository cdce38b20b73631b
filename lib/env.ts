// Every environment variable the system reads, validated once. Nothing else reads process.env.
import { z } from '@/lib/validations/zod';

const port = z.coerce.number().int().min(1).max(65535);
const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

/** What the launcher (`npm start`) and the test scripts read. */
const launcherSchema = z.object({
  PORT: port.default(3000),
  /** Address to listen on; 0.0.0.0 serves the office network too. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Trust the left-most X-Forwarded-For entry as the client address (only behind a proxy). */
  TRUST_PROXY: flag,
  /** Use this PostgreSQL instead of starting the embedded one. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Unset: DEFAULT_EMBEDDED_PG_PORT, or a free port when another program has that one. */
  EMBEDDED_PG_PORT: port.optional(),
  /** Folder that keeps the embedded PostgreSQL cluster and generated secrets (git-ignored). */
  DATA_DIR: z.string().min(1).default('.data'),
  /** Public URL of the app, when it is served behind a proxy or on another host name. */
  APP_URL: z.url().optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  /** 0: an empty database gets only the publication, its catalogue and an admin account. */
  SEED_DEMO: z.enum(['0', '1']).default('1'),
});

/** The embedded PostgreSQL's port unless EMBEDDED_PG_PORT says otherwise. */
export const DEFAULT_EMBEDDED_PG_PORT = 54329;

/** What the running Next.js server reads. The launcher always provides these. */
const serverSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  /** Required by the web server (lib/auth.ts); command-line tools run without it. */
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
});

function parse<T extends z.ZodType>(schema: T, source: EnvSource): z.output<T> {
  // An empty variable (`DATABASE_URL=`) means "not set".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  // In Chinese: the launcher prints this to whoever set the variables.
  const result = schema.safeParse(present, { error: z.locales.zhCN().localeError });
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}：${i.message}`);
    throw new Error(`环境变量有误：\n${lines.join('\n')}`);
  }
  return result.data;
}

type EnvSource = Record<string, string | undefined>;

export type LauncherEnv = z.output<typeof launcherSchema>;
export type ServerEnv = z.output<typeof serverSchema>;

export function readLauncherEnv(source: EnvSource = process.env): LauncherEnv {
  return parse(launcherSchema, source);
}

let serverEnv: ServerEnv | undefined;
/** Parsed lazily so that `next build` does not need a database URL. */
export function getServerEnv(): ServerEnv {
  serverEnv ??= parse(serverSchema, process.env);
  return serverEnv;
}

const originSchema = z.object({
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  TRUST_PROXY: flag,
});

export type OriginEnv = z.output<typeof originSchema>;

let originEnv: OriginEnv | undefined;
/** What decides the app's own origin (lib/origin.ts); the launcher passes both to the server. */
export function getOriginEnv(source: EnvSource = process.env): OriginEnv {
  if (source !== process.env) return parse(originSchema, source);
  originEnv ??= parse(originSchema, source);
  return originEnv;
}

/** Inlined by Next.js at build time, so it is safe to read anywhere. */
export const isDevelopment = process.env.NODE_ENV === 'development';

const fontDirSchema = z.string().min(1).optional();

/**
 * Folder holding the office's own licensed fonts (仿宋_GB2312.ttf, 方正小标宋简体.ttf, 黑体.ttf,
 * 楷体_GB2312.ttf …: the file name is the font family name). Used by the print template before
 * the open fonts; read by the web server and the command-line tools alike.
 */
export function getOfficeFontDir(source: EnvSource = process.env): string | undefined {
  return parse(z.object({ FONT_DIR: fontDirSchema }), source).FONT_DIR;
}

const toolSchema = z.object({
  /** The Chromium that prints PDFs and runs the browser tests (Debian's package by default). */
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  /** For `npm run db:new-migration`: an empty scratch database instead of a throwaway embedded one. */
  SHADOW_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  SHADOW_PG_PORT: port.optional(),
  /** Print the schema engine's log lines. */
  DEBUG_SCHEMA_ENGINE: flag,
  /** Where `npm test` runs the browser journeys' server: change them to run two checkouts at once. */
  E2E_PORT: port.default(3199),
  E2E_PG_PORT: port.default(55_399),
});

export type ToolEnv = z.output<typeof toolSchema>;

/** Settings of the export, migration and test tooling. */
export function getToolEnv(source: EnvSource = process.env): ToolEnv {
  return parse(toolSchema, source);
}

const mailSchema = z.object({
  /** Notifications also go out by e-mail when set, e.g. smtp://user:pass@mail.example.org:587. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The sender of those e-mails, e.g. 科协每周动态 <bulletin@example.org>. */
  MAIL_FROM: z.string().min(3).default('科协每周动态 <noreply@localhost>'),
});

export type MailEnv = z.output<typeof mailSchema>;

/** E-mail settings (lib/mail.ts); without SMTP_URL notifications stay in the app. */
export function getMailEnv(source: EnvSource = process.env): MailEnv {
  return parse(mailSchema, source);
}
