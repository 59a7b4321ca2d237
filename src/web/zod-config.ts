// Zod without run-time code generation, set before any schema is built (main.tsx imports this first):
// zod compiles object parsers with `new Function` when it may, and merely probing for that is reported
// as a violation by the Content Security Policy, which allows no eval (ADR 0014). Parsing our small
// API answers does not need the speed.
import { z } from 'zod';

z.config({ jitless: true });
