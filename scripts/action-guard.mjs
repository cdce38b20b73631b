// The check in front of Next.js for raw Server Action requests (a POST with a `Next-Action`
// header). React decodes such a body before any code of ours runs, and whatever it cannot decode
// (`garbage`, `[`, an empty body, `["$Q1"]` naming a part that is not there, 5,000-deep
// nesting, broken multipart) ends as a 500 with an English message; an unknown action id gets
// Next.js's English 404. Here every body is checked against what React's own client sends for
// this app's actions (a JSON array of plain values, or multipart with a FormData or files), and
// anything else gets a Chinese 4xx before Next.js sees it. Plain JavaScript: web-worker.mjs runs
// without a TypeScript loader.
// @ts-check: typed with JSDoc, checked by `npm run typecheck` (tsconfig.json's checkJs).
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The same limit as `serverActions.bodySizeLimit` in next.config.js (the import's uploads). */
export const MAX_ACTION_BODY_BYTES = 9 * 1024 * 1024;
/** Far deeper than any argument of ours (an item body is four levels), far below a stack overflow. */
const MAX_DEPTH = 64;
/** Parts of one multipart body: the import sends at most 50 files and 50 fingerprints. */
const MAX_PARTS = 256;

/** @typedef {{ status: number; code: string; message: string }} GuardAnswer */

/** @type {GuardAnswer} */
const INVALID = { status: 400, code: 'INVALID_INPUT', message: '请求内容无法识别，请刷新页面后重试。' };
/** @type {GuardAnswer} */
const TOO_LARGE = { status: 413, code: 'TOO_LARGE', message: '提交的内容过大（上限 9 MB）。' };
/** @type {GuardAnswer} */
const UNKNOWN_ACTION = { status: 404, code: 'NOT_FOUND', message: '该操作不存在或已随系统更新而失效，请刷新页面后重试。' };
export const ACTION_GUARD_ANSWERS = { INVALID, TOO_LARGE, UNKNOWN_ACTION };

/**
 * Values React's `encodeReply` writes as a `$` string without another part: `$$…` (a string
 * that starts with `$`), undefined, NaN, ±Infinity, -0, dates and BigInts.
 */
const SELF_CONTAINED = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D\d{4}-\d\d-\d\dT[\d:.]+Z$|n-?\d{1,300}$)/;
/** References to another part of a multipart body: Map, Set, outlined model, promise, FormData, Blob. */
const PART_REFERENCE = /^\$([QW@]?)([0-9a-f]{1,8})$|^\$K([0-9a-f]{1,8})$|^\$B([0-9a-f]{1,8})$/;

/**
 * Why a decoded part is not what our client sends, or null. Walks iteratively (no recursion on
 * hostile depth); `parts` is null for a text body, where no reference to another part can hold.
 * @param {unknown} root
 * @param {FormData | null} parts
 * @param {Set<string>} seen
 * @returns {GuardAnswer | null}
 */
function findModelProblem(root, parts, seen) {
  /** @type {[unknown, number][]} */
  const stack = [[root, 1]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [value, depth] = entry;
    if (depth > MAX_DEPTH) return INVALID;
    if (typeof value === 'string') {
      if (value[0] !== '$' || SELF_CONTAINED.test(value)) continue;
      const match = parts && PART_REFERENCE.exec(value);
      if (!parts || !match) return INVALID;
      const [, kind, modelId, formDataId, blobId] = match;
      if (formDataId !== undefined) continue; // its entries are plain fields `_<id>_<name>`
      if (blobId !== undefined) {
        if (!(parts.get(String(parseInt(blobId, 16))) instanceof Blob)) return INVALID;
        continue;
      }
      const key = String(parseInt(modelId ?? '', 16));
      const part = parts.get(key);
      if (typeof part !== 'string') return INVALID;
      if (seen.has(key)) continue;
      seen.add(key);
      let model;
      try {
        model = JSON.parse(part);
      } catch {
        return INVALID;
      }
      if ((kind === 'Q' || kind === 'W') && !Array.isArray(model)) return INVALID;
      stack.push([model, depth + 1]);
    } else if (value && typeof value === 'object') {
      for (const child of Array.isArray(value) ? value : Object.values(value)) {
        if (child && typeof child === 'object') stack.push([child, depth + 1]);
        else if (typeof child === 'string' && child[0] === '$') stack.push([child, depth + 1]);
      }
    }
  }
  return null;
}

/**
 * JSON that is at most MAX_DEPTH deep, or undefined (counted before parsing, so no stack is at risk).
 * @param {string} text
 * @returns {unknown}
 */
function parseShallowJson(text) {
  let depth = 0;
  let isInString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isInString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) isInString = false;
    } else if (c === 34) isInString = true;
    else if (c === 91 || c === 123) {
      if (++depth > MAX_DEPTH) return undefined;
    } else if (c === 93 || c === 125) depth--;
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Why this Server Action body must not reach React, or null. `contentType` is the request's;
 * `body` its bytes (at most MAX_ACTION_BODY_BYTES).
 * @param {string | null | undefined} contentType
 * @param {Buffer} body
 * @returns {Promise<GuardAnswer | null>}
 */
export async function findActionBodyProblem(contentType, body) {
  if (/^multipart\/form-data/i.test(contentType ?? '')) {
    let form;
    try {
      // A Buffer read from a socket is backed by an ArrayBuffer, never a shared one.
      form = await new Response(/** @type {Uint8Array<ArrayBuffer>} */ (body), { headers: { 'content-type': contentType ?? '' } }).formData();
    } catch {
      return INVALID;
    }
    let count = 0;
    for (const [name] of form) {
      // `$ACTION_…` fields belong to forms posted without JavaScript, never with the header.
      if (++count > MAX_PARTS || name.startsWith('$ACTION')) return INVALID;
    }
    const root = form.get('0');
    if (typeof root !== 'string') return INVALID;
    const model = parseShallowJson(root);
    if (!Array.isArray(model)) return INVALID;
    return findModelProblem(model, form, new Set(['0']));
  }
  const model = parseShallowJson(Buffer.from(body).toString('utf8'));
  // The arguments of the call: always an array.
  if (!Array.isArray(model)) return INVALID;
  return findModelProblem(model, null, new Set());
}

/**
 * The action ids of the current build (`.next/server/server-reference-manifest.json`), read again
 * when the file changes (a new build). Null when there is no manifest (the development server
 * compiles actions on demand): then ids are left to Next.js.
 * @param {string} dir
 * @returns {(id: string) => boolean}
 */
export function createActionIdCheck(dir) {
  const file = path.join(dir, '.next/server/server-reference-manifest.json');
  /** @type {{ mtimeMs: number; ids: Set<string> | null }} */
  let loaded = { mtimeMs: -1, ids: null };
  return function isKnownActionId(id) {
    let mtimeMs;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return true;
    }
    if (mtimeMs !== loaded.mtimeMs) {
      try {
        const manifest = /** @type {{ node?: object; edge?: object }} */ (JSON.parse(readFileSync(file, 'utf8')));
        loaded = { mtimeMs, ids: new Set([...Object.keys(manifest.node ?? {}), ...Object.keys(manifest.edge ?? {})]) };
      } catch {
        return true;
      }
    }
    return loaded.ids?.has(id) ?? true;
  };
}
