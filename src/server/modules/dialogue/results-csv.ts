// A survey's results as CSV in long layout (ADR 0029): one row per group × question × figure, so a
// spreadsheet pivots it any way; a hidden figure is an empty cell, and every cell a spreadsheet would
// run as a formula (a free-text answer, a department's name) is neutralised as the people export does.
import { stringify } from 'csv-stringify/sync';
import type { QuestionResult, SurveyResults } from '../../../shared/dialogue.js';
import { ESCAPED_CELL, escapeFormulaCell } from '../people/index.js';

export const RESULTS_CSV_HEADER = ['round', 'segment_key', 'segment_value', 'responses', 'question', 'type', 'figure', 'value'] as const;

type Cell = string | number | null | undefined;

/** The figure rows of one question: counts per answer, then the mean / eNPS / right answers, or each text answer. */
function figureRows(result: QuestionResult): [string, Cell][] {
  switch (result.type) {
    case 'choice':
    case 'boolean':
      return countRows(result.counts);
    case 'rating':
      return [...countRows(result.counts), ['mean', result.mean]];
    case 'nps':
      return [...countRows(result.counts), ['enps', result.enps]];
    case 'quiz':
      return [
        ['correct', result.correct],
        ['passed', result.passed],
      ];
    case 'text':
      return result.answers === null ? [['answer', null]] : result.answers.map((answer) => ['answer', answer]);
  }
}

const countRows = (counts: Record<string, number> | null): [string, Cell][] =>
  counts === null ? [['count', null]] : Object.entries(counts).map(([value, n]) => [`count:${value}`, n]);

/**
 * The results as CSV text, the whole survey first (segment key `*`) and then each segment group.
 * @example reply.type('text/csv').send(surveyResultsCsv(results));
 */
export function surveyResultsCsv(results: SurveyResults): string {
  const groups = [
    {
      key: '*',
      value: null as string | null,
      responses: results.responses as number | null,
      questions: results.questions as Record<string, QuestionResult> | null,
    },
    ...results.by_segment,
  ];
  const rows: Cell[][] = [];
  for (const group of groups) {
    if (group.questions === null) {
      rows.push([results.round, group.key, group.value, group.responses, null, null, null, null]);
      continue;
    }
    for (const [name, result] of Object.entries(group.questions)) {
      for (const [figure, value] of figureRows(result)) rows.push([results.round, group.key, group.value, group.responses, name, result.type, figure, value]);
    }
  }
  const cells = rows.map((row) => row.map((cell) => escapeFormulaCell(cell === null || cell === undefined ? '' : String(cell))));
  return stringify([[...RESULTS_CSV_HEADER], ...cells], { quoted_match: ESCAPED_CELL });
}
