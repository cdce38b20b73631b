// The DOCX as an office suite prints it: LibreOffice converts it to PDF headless, and both that
// PDF and our own are read back with poppler into the lines of each page's text block — for the
// round-trip test (test/docx-export.test.ts) and `npm run bench:export`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import wawoff2 from 'wawoff2';
import { resolveFontFile } from '@/lib/export/fonts';

/** The soffice on PATH, or '' when LibreOffice is not installed. */
export function findSoffice(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/** The faces the DOCX names (lib/export/docx.ts FONTS) that an office has and this machine has not. */
const OFFICE_CJK_FAMILIES = ['仿宋_GB2312', '方正小标宋简体', '黑体', '楷体_GB2312', '宋体'];
const STAND_IN = 'lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff2';

/**
 * A fontconfig setup for soffice in which the office's Chinese faces exist: the project's LXGW
 * WenKai (the whole font, unlike the Noto subsets) as TrueType, standing in for all of them.
 * What the layout needs from them is what every GB 2312 face has, a full em for each Han
 * character and full-width punctuation; without any Chinese face LibreOffice draws boxes of
 * another width and the test would measure nothing real. The system's own fonts stay (Times New
 * Roman and Arial resolve to their metric twins, Liberation Serif and Sans). Returns the
 * environment for soffice; `dispose` removes the folder.
 */
export async function officeFontEnv(): Promise<{ env: NodeJS.ProcessEnv; dispose: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'office-fonts-'));
  const source = resolveFontFile(STAND_IN);
  if (!source) throw new Error(`font ${STAND_IN} is missing: run npm ci`);
  mkdirSync(path.join(dir, 'fonts'));
  writeFileSync(path.join(dir, 'fonts', 'stand-in.ttf'), await wawoff2.decompress(readFileSync(source.filePath)));
  const aliases = OFFICE_CJK_FAMILIES.map(
    (family) => `<alias binding="same"><family>${family}</family><prefer><family>LXGW WenKai</family></prefer></alias>`,
  ).join('\n  ');
  writeFileSync(
    path.join(dir, 'fonts.conf'),
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${path.join(dir, 'fonts')}</dir>
  <cachedir>${path.join(dir, 'cache')}</cachedir>
  ${aliases}
</fontconfig>
`,
  );
  return {
    env: { ...process.env, FONTCONFIG_FILE: path.join(dir, 'fonts.conf') },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The DOCX printed to PDF by LibreOffice Writer, as an office would (`soffice --headless
 * --convert-to pdf`), with a profile of its own so parallel runs never share one (a shared
 * profile makes a second soffice hand its work to the first, or fail on the lock).
 */
export function convertDocxWithLibreOffice(soffice: string, docx: Buffer, env: NodeJS.ProcessEnv = process.env): { pdf: Buffer; ms: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'office-pdf-'));
  try {
    const input = path.join(dir, 'issue.docx');
    writeFileSync(input, docx);
    const started = performance.now();
    execFileSync(
      soffice,
      [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
      { timeout: 180_000, stdio: 'pipe', env },
    );
    const ms = performance.now() - started;
    return { pdf: readFileSync(path.join(dir, 'issue.pdf')), ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PrintedLine {
  /** Vertical centre, points from the top of the page. */
  y: number;
  /** Left and right ends of the line, points from the left of the page. */
  left: number;
  right: number;
  /** The words of the line, left to right, joined without spaces. */
  text: string;
}

const MM = 72 / 25.4;
/** The text block of the bulletin's page (bulletin-format.md): A4 less margins of 37, 26, 35 and 28 mm. */
export const TEXT_BLOCK = { top: 37 * MM, right: (210 - 26) * MM, bottom: (297 - 35) * MM, left: 28 * MM } as const;

const decodeXml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * Each page's lines inside the text block (so without the page number and a draft's header):
 * words whose vertical centres lie within 3 pt of each other are one line, whatever blocks
 * poppler grouped them into (`编辑：…` and `审核：…` sit on one line at both ends).
 */
export function readBlockLines(pdf: Buffer): PrintedLine[][] {
  const dir = mkdtempSync(path.join(tmpdir(), 'office-pdf-'));
  try {
    const file = path.join(dir, 'issue.pdf');
    writeFileSync(file, pdf);
    const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return xml
      .split('<page ')
      .slice(1)
      .map((page) => {
        const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
          .map(([, x, yMin, xMax, yMax, text]) => ({ x: Number(x), xMax: Number(xMax), y: (Number(yMin) + Number(yMax)) / 2, text: decodeXml(text!) }))
          .filter((word) => word.y > TEXT_BLOCK.top && word.y < TEXT_BLOCK.bottom)
          .sort((a, b) => a.y - b.y || a.x - b.x);
        const lines: { y: number; words: typeof words }[] = [];
        for (const word of words) {
          const line = lines.find((l) => Math.abs(l.y - word.y) < 3);
          if (line) line.words.push(word);
          else lines.push({ y: word.y, words: [word] });
        }
        return lines.map((line) => ({
          y: line.y,
          left: Math.min(...line.words.map((w) => w.x)),
          right: Math.max(...line.words.map((w) => w.xMax)),
          text: line.words
            .sort((a, b) => a.x - b.x)
            .map((w) => w.text)
            .join(''),
        }));
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
