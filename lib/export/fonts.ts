// The open fonts embedded when the office's own fonts are not installed (bulletin-format.md,
// "Fonts"). They come from @fontsource packages: many unicode-range subset files per weight, so
// a page downloads — and a PDF embeds — only the subsets its text uses.
//
// One module owns both sides of a font URL, `<package>/files/<file>` under a base URL:
// - fontFaceCss() writes the @font-face rules of the print template with those URLs;
// - resolveFontFile() maps such a path back to the file on disk, for the /fonts route and for
//   the PDF export, which answers Chromium's font requests from disk.
// Only files under the `files/` folder of the packages listed here can ever be resolved.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getOfficeFontDir } from '@/lib/env';

/** The stylesheets (one per weight) whose @font-face rules the template carries. */
const FONT_PACKAGES = {
  'noto-serif-sc': ['400', '700'],
  'noto-sans-sc': ['400'],
  // Fontsource ships LXGW WenKai as one whole font per weight (no CJK subsets), 300/500/700;
  // 500 is the regular 楷 face (a request for 400 falls through to it).
  'lxgw-wenkai': ['500', '700'],
} as const satisfies Record<string, readonly string[]>;

export type FontPackage = keyof typeof FONT_PACKAGES;

export const FONT_PACKAGE_NAMES = Object.keys(FONT_PACKAGES) as FontPackage[];

const FONT_FILE_TYPES = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
} as const;

/** The URL segment under which the office's own fonts (FONT_DIR) are served. */
export const OFFICE_FONT_SEGMENT = 'office';

/**
 * The office's fonts: every .ttf/.otf/.woff/.woff2 file directly in FONT_DIR, its family name
 * being the file name (`仿宋_GB2312.ttf` → 仿宋_GB2312). Listed once per process.
 */
let officeFonts: Map<string, { filePath: string; family: string; extension: keyof typeof FONT_FILE_TYPES }> | undefined;
function getOfficeFonts() {
  if (!officeFonts) {
    officeFonts = new Map();
    const dir = getOfficeFontDir();
    let names: string[] = [];
    try {
      names = dir ? readdirSync(dir) : [];
    } catch {
      console.error(`FONT_DIR ${dir} cannot be read; using the open fonts only`);
    }
    for (const name of names) {
      const extension = path.extname(name).toLowerCase();
      if (!Object.hasOwn(FONT_FILE_TYPES, extension)) continue;
      officeFonts.set(name, {
        filePath: path.join(dir!, name),
        family: path.basename(name, path.extname(name)),
        extension: extension as keyof typeof FONT_FILE_TYPES,
      });
    }
  }
  return officeFonts;
}

/** Forget the listing (tests point FONT_DIR elsewhere). */
export function resetOfficeFonts(): void {
  officeFonts = undefined;
  fontFaceCache.clear();
}

/** Resolved from the project root, as Next.js and the scripts run there. */
function fontsourceDir(): string {
  return path.join(process.cwd(), 'node_modules', '@fontsource');
}

function isFontPackage(name: string): name is FontPackage {
  return Object.hasOwn(FONT_PACKAGES, name);
}

const SAFE_FILE_NAME = /^[a-z0-9][a-z0-9-]*\.(woff2|woff)$/;

export interface FontFile {
  /** Absolute path on disk. */
  filePath: string;
  contentType: (typeof FONT_FILE_TYPES)[keyof typeof FONT_FILE_TYPES];
}

/**
 * The file on disk for a font path relative to the font base URL: `['noto-serif-sc', 'files',
 * 'noto-serif-sc-4-400-normal.woff2']` or the same joined with `/`. Anything else — another
 * package, another folder, `..`, an encoded or absolute path, a non-font extension — is null.
 * The segments are matched against a strict pattern, so nothing is ever normalised into a
 * path outside the allow-list. Whether the file exists is left to the caller.
 */
export function resolveFontFile(relativePath: string | readonly string[]): FontFile | null {
  const segments = typeof relativePath === 'string' ? relativePath.split('/') : relativePath;
  if (segments.length === 2 && segments[0] === OFFICE_FONT_SEGMENT) {
    // Only a file name the folder listing produced: nothing is ever joined from the request.
    const font = getOfficeFonts().get(decodeURIComponent(segments[1]!));
    return font ? { filePath: font.filePath, contentType: FONT_FILE_TYPES[font.extension] } : null;
  }
  if (segments.length !== 3) return null;
  const [packageName, folder, fileName] = segments as [string, string, string];
  if (!isFontPackage(packageName) || folder !== 'files' || !SAFE_FILE_NAME.test(fileName)) return null;
  const filesDir = path.join(fontsourceDir(), packageName, 'files');
  const filePath = path.join(filesDir, fileName);
  // Cannot fail after the pattern above; kept so a looser pattern can never widen the reach.
  if (path.dirname(filePath) !== filesDir) return null;
  const extension = path.extname(fileName) as keyof typeof FONT_FILE_TYPES;
  return { filePath, contentType: FONT_FILE_TYPES[extension] };
}

function cssString(text: string): string {
  return `"${text.replace(/["\\\n\r]/g, '')}"`;
}

/** @font-face rules for the office's fonts, named after their files (they win in every stack). */
function officeFontFaceCss(base: string): string {
  const formats = { '.woff2': 'woff2', '.woff': 'woff', '.ttf': 'truetype', '.otf': 'opentype' } as const;
  return [...getOfficeFonts()]
    .map(
      ([name, font]) =>
        `@font-face { font-family: ${cssString(font.family)}; src: url("${base}/${OFFICE_FONT_SEGMENT}/${encodeURIComponent(name)}") format('${formats[font.extension]}'); font-display: swap; }`,
    )
    .join('\n');
}

/**
 * The file on disk for a font URL the template wrote (`${fontBaseUrl}/<package>/files/<file>`),
 * e.g. when the PDF export intercepts Chromium's requests; null for any other URL.
 */
export function fontFileForUrl(url: string, fontBaseUrl: string): FontFile | null {
  const base = new URL(fontBaseUrl.replace(/\/*$/, '/'), 'http://fonts.invalid/');
  const target = new URL(url, base);
  if (target.origin !== base.origin || !target.pathname.startsWith(base.pathname)) return null;
  return resolveFontFile(target.pathname.slice(base.pathname.length));
}

function packageVersion(name: FontPackage): string {
  const json = JSON.parse(readFileSync(path.join(fontsourceDir(), name, 'package.json'), 'utf8')) as { version: string };
  return json.version;
}

const FONT_URL = /url\(\.\/files\/([^)]+)\)\s*format\('([a-z0-9]+)'\)/g;

/** The package's @font-face rules with their URLs moved under the base URL. */
function rewritePackageCss(name: FontPackage, weight: string, fontBaseUrl: string, version: string): string {
  const css = readFileSync(path.join(fontsourceDir(), name, `${weight}.css`), 'utf8');
  const rules = css.match(/@font-face\s*\{[^}]*\}/g) ?? [];
  if (rules.length === 0) throw new Error(`@fontsource/${name}/${weight}.css has no @font-face rules`);
  return rules
    .map((rule) => {
      // Every browser that prints this reads woff2; the .woff fallbacks only double the CSS.
      const sources = [...rule.matchAll(FONT_URL)].filter(([, , format]) => format === 'woff2');
      if (sources.length !== 1 || !resolveFontFile([name, 'files', sources[0]![1]!])) {
        throw new Error(`unexpected @font-face src in @fontsource/${name}/${weight}.css`);
      }
      const url = `${fontBaseUrl}/${name}/files/${sources[0]![1]}?v=${version}`;
      // font-display stays `swap`: with `block`, Chromium 156 printed text whose font it first
      // needed while printing (the 样稿 marks in page margin boxes) blank; with swap it prints
      // them in the right font.
      return rule.replace(/src:[^;]*;/, `src: url("${url}") format('woff2');`).replace(/\s+/g, ' ');
    })
    .join('\n');
}

const fontFaceCache = new Map<string, string>();

/**
 * @font-face rules for every open font the template uses, pointing at
 * `${fontBaseUrl}/<package>/files/<file>?v=<version>`. Cached per base URL for the process.
 */
export function fontFaceCss(fontBaseUrl: string): string {
  const base = fontBaseUrl.replace(/\/+$/, '');
  let css = fontFaceCache.get(base);
  if (css === undefined) {
    css = [
      officeFontFaceCss(base),
      ...FONT_PACKAGE_NAMES.flatMap((name) => {
        const version = packageVersion(name);
        return FONT_PACKAGES[name].map((weight) => rewritePackageCss(name, weight, base, version));
      }),
    ]
      .filter(Boolean)
      .join('\n');
    fontFaceCache.set(base, css);
  }
  return css;
}

/**
 * The interface's Chinese web font (Noto Sans SC): systems without a CJK font show Chinese
 * instead of empty boxes. Listed after the system's Chinese fonts (app/globals.css), so it is
 * fetched only where needed, and only the unicode-range subsets a page uses.
 */
export function uiFontFaceCss(fontBaseUrl: string): string {
  const name: FontPackage = 'noto-sans-sc';
  return rewritePackageCss(name, FONT_PACKAGES[name][0], fontBaseUrl.replace(/\/+$/, ''), packageVersion(name));
}
