// The office's own fonts (FONT_DIR) come first in the print template, by their file names.
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fontFaceCss, resetOfficeFonts, resolveFontFile, uiFontFaceCss } from '@/lib/export/fonts';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'office-fonts-'));
  // Any real font file stands in for the licensed one; only its name matters here.
  const files = path.join(process.cwd(), 'node_modules/@fontsource/lxgw-wenkai/files');
  const sample = readdirSync(files).find((name) => name.endsWith('.woff2'))!;
  copyFileSync(path.join(files, sample), path.join(dir, '仿宋_GB2312.woff2'));
  copyFileSync(path.join(files, sample), path.join(dir, 'readme.txt'));
  process.env.FONT_DIR = dir;
  resetOfficeFonts();
});

afterAll(() => {
  delete process.env.FONT_DIR;
  resetOfficeFonts();
  rmSync(dir, { recursive: true, force: true });
});

it('declares each font file of FONT_DIR under its file name, before the open fonts', () => {
  const css = fontFaceCss('/fonts');
  const office = css.indexOf('font-family: "仿宋_GB2312"');
  expect(office).toBeGreaterThanOrEqual(0);
  expect(office).toBeLessThan(css.indexOf('Noto Serif SC'));
  expect(css).toContain(`/fonts/office/${encodeURIComponent('仿宋_GB2312.woff2')}`);
  expect(css).not.toContain('readme');
});

it('serves only the files the folder lists', () => {
  expect(resolveFontFile(['office', encodeURIComponent('仿宋_GB2312.woff2')])?.filePath).toBe(path.join(dir, '仿宋_GB2312.woff2'));
  expect(resolveFontFile(['office', 'readme.txt'])).toBeNull();
  expect(resolveFontFile(['office', '..%2F..%2Fetc%2Fpasswd'])).toBeNull();
  expect(resolveFontFile(['office', '../仿宋_GB2312.woff2'])).toBeNull();
});

it('gives the interface only Noto Sans SC, from the font route', () => {
  const css = uiFontFaceCss('/fonts');
  expect(css).toContain("font-family: 'Noto Sans SC'");
  expect(css).not.toMatch(/Noto Serif SC|LXGW|仿宋/);
  for (const [, url] of css.matchAll(/url\("([^"]+)"\)/g)) expect(url).toMatch(/^\/fonts\/noto-sans-sc\/files\/[a-z0-9-]+\.woff2\?v=/);
});
