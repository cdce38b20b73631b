// Zod for every schema that can run in the browser: import `z` from here, not from 'zod'
// (eslint.config.mjs holds to it). Zod compiles object schemas with `new Function` when it may,
// and to find out it tries once; under our CSP (no 'unsafe-eval', proxy.ts) the browser
// reports that try as a violation even though Zod catches it. Without the compiler ("jitless")
// nothing is tried. On the server there is no CSP, and the compiled parsers stay.
// The setting is read when a schema is made, so this module runs before any module that makes one.
import { z } from 'zod';

if (typeof window !== 'undefined') z.config({ jitless: true });

export { z };
