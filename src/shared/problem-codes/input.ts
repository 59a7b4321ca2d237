// Message codes of the input boundary (ADR 0013): text no route can store, and request addresses
// Fastify cannot route.
import type { ProblemCodeTable } from './problem-code-table.js';

export const INPUT_PROBLEM_CODES = {
  'input.nul_character': [],
  'input.lone_surrogate': [],
  'input.too_deep': [],
  'input.bad_url': [],
  'input.path_too_long': [],
} as const satisfies ProblemCodeTable;
