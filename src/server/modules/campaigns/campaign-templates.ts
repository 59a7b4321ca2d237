// Liquid for campaign texts (DESIGN §3.3): one configured engine with strict variables and filters,
// own properties only and the DoS limits LiquidJS offers, and the check run when a campaign is saved
// so that a template naming an unknown variable, an unknown filter or a tag that could reach files
// (include, render, layout) never gets as far as a send.
import { Liquid, Tokenizer, TagToken, LiquidError } from 'liquidjs';
import { TEMPLATE_CAMPAIGN_FIELDS, TEMPLATE_PERSON_FIELDS } from '../../../shared/campaigns.js';
import { coded, fieldProblem, type FieldProblem } from '../../platform/http/app-error.js';

/** Tags a campaign text may use: logic and loops, nothing that loads another template. */
const ALLOWED_TAGS = new Set([
  'if',
  'elsif',
  'else',
  'endif',
  'unless',
  'endunless',
  'case',
  'when',
  'endcase',
  'for',
  'endfor',
  'break',
  'continue',
  'assign',
  'capture',
  'endcapture',
  'comment',
  'endcomment',
  'raw',
  'endraw',
  'cycle',
  'echo',
]);

const PERSON_FIELDS = new Set<string>(TEMPLATE_PERSON_FIELDS);
const CAMPAIGN_FIELDS = new Set<string>(TEMPLATE_CAMPAIGN_FIELDS);

/**
 * Limits per parse and render: a campaign text is short; a loop that runs away stops (the memory limit
 * catches it first). The render limit is wall-clock time including waits for other sends on a busy
 * machine, so it is generous: 200 ms failed real sends under load.
 */
const LIMITS = { parseLimit: 200_000, renderLimit: 5_000, memoryLimit: 10_000_000 } as const;

/**
 * The engine campaign texts are parsed and rendered with. `html`: output is HTML-escaped (bodies);
 * otherwise plain (subjects, text parts). No file system: `templates` is an empty in-memory set.
 */
export function createTemplateEngine(mode: 'html' | 'plain'): Liquid {
  return new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    templates: {},
    ...(mode === 'html' ? { outputEscape: 'escape' as const } : {}),
    ...LIMITS,
  });
}

const checker = createTemplateEngine('plain');

/** Whether a variable path (`['person', 'manager', 'given_name']`) is one a template may use. */
function isAllowedVariable(path: readonly (string | number)[]): boolean {
  const [root, first, second, ...rest] = path;
  if (rest.length > 0) return false;
  if (root === 'person' && first === 'manager') return second !== undefined && PERSON_FIELDS.has(String(second));
  if (root === 'person') return second === undefined && first !== undefined && PERSON_FIELDS.has(String(first));
  if (root === 'campaign') return second === undefined && first !== undefined && CAMPAIGN_FIELDS.has(String(first));
  return false;
}

/**
 * The problems of one text, located at `pointer`: Liquid syntax, tags outside the allowed set,
 * unknown filters and variables; with `campaignOnly` (chat) also any person variable. Empty when the text is fine.
 * @example checkTemplate('Hallo {{ person.givn_name }}', '/variants/0/content/de/subject') // [{ code: 'campaign.unknown_variable', ... }]
 */
export function checkTemplate(source: string, pointer: string, options: { campaignOnly?: boolean } = {}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  let tokens;
  try {
    tokens = new Tokenizer(source).readTopLevelTokens();
  } catch (error) {
    return [syntaxProblem(error, pointer)];
  }
  for (const token of tokens) {
    if (token instanceof TagToken && !ALLOWED_TAGS.has(token.name)) {
      problems.push(
        fieldProblem(pointer, `the tag ${token.name} is not allowed in a campaign text`, coded('campaign.template_tag_not_allowed', { tag: token.name })),
      );
    }
  }
  if (problems.length > 0) return problems;
  let parsed;
  try {
    parsed = checker.parse(source);
  } catch (error) {
    const filter = error instanceof Error ? /undefined filter: ([\w-]+)/.exec(error.message)?.[1] : undefined;
    if (filter) return [fieldProblem(pointer, `there is no filter ${filter}`, coded('campaign.unknown_filter', { filter }))];
    return [syntaxProblem(error, pointer)];
  }
  const seen = new Set<string>();
  for (const segments of checker.globalVariableSegmentsSync(parsed)) {
    // A segment that is itself a variable (`person[key]`) is never allowed: the path must be known.
    const plain = segments.filter((s): s is string | number => typeof s === 'string' || typeof s === 'number');
    const written = segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : typeof s !== 'string' ? '[…]' : i === 0 ? s : `.${s}`)).join('');
    if (seen.has(written)) continue;
    const allowed = plain.length === segments.length && isAllowedVariable(plain);
    if (allowed && options.campaignOnly && plain[0] === 'person') {
      // A chat post goes to a whole channel: no one person's values can go in it (ADR 0019).
      seen.add(written);
      problems.push(
        fieldProblem(pointer, `${written} names a person, but a chat post goes to many people`, coded('campaign.chat_person_variable', { variable: written })),
      );
      continue;
    }
    if (allowed) continue;
    seen.add(written);
    problems.push(fieldProblem(pointer, `${written} is not a variable a campaign text may use`, coded('campaign.unknown_variable', { variable: written })));
  }
  return problems;
}

function syntaxProblem(error: unknown, pointer: string): FieldProblem {
  if (!(error instanceof LiquidError)) throw error;
  const position = (error as LiquidError & { token?: { getPosition(): [number, number] } }).token?.getPosition();
  const line = position?.[0] ?? 1;
  const column = position?.[1] ?? 1;
  return fieldProblem(pointer, `Liquid cannot read this text at line ${line}, column ${column}`, coded('campaign.template_invalid', { line, column }));
}
