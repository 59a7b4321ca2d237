// Loads the saved segments a rule refers to ({"segment": KEY}), recursively, and rejects unknown
// keys and cycles. Errors point at the reference in the rule being checked, since that is the node
// the communicator can change.
import { AppError, coded, type MessageParams } from '../../../platform/http/app-error.js';
import type { ProblemCode } from '../../../../shared/problem-codes/index.js';
import { parseRule } from './parse-rule.js';
import type { RuleNode } from './rule-ast.js';

/** Expanded size above which a rule is refused, however small it looks before expansion. */
const EXPANDED_NODE_LIMIT = 5000;

function fail(pointer: string, message: string, why: { messageCode: ProblemCode; params: MessageParams }): never {
  throw new AppError('validation', `${message} (at ${pointer || '/'})`, {
    ...why,
    problems: [{ pointer, message, code: why.messageCode, params: why.params }],
  });
}

function* references(node: RuleNode): Generator<Extract<RuleNode, { kind: 'segment' }>> {
  if (node.kind === 'segment') yield node;
  else if (node.kind === 'all' || node.kind === 'any') for (const c of node.children) yield* references(c);
  else if (node.kind === 'not') yield* references(node.child);
}

function size(node: RuleNode): number {
  if (node.kind === 'all' || node.kind === 'any') return 1 + node.children.reduce((n, c) => n + size(c), 0);
  if (node.kind === 'not') return 1 + size(node.child);
  return 1;
}

/**
 * Resolves every segment reachable from `root`. `selfKey` names the segment being saved, whose rule
 * `root` is, so that a reference back to it counts as a cycle.
 * @example const segments = await resolveSegments(node, (key) => loadSegmentRule(db, key));
 */
export async function resolveSegments(root: RuleNode, load: (key: string) => Promise<unknown>, selfKey?: string): Promise<Map<string, RuleNode>> {
  const resolved = new Map<string, RuleNode>();
  let total = size(root);
  const visit = async (node: RuleNode, stack: string[], entry: string | null): Promise<void> => {
    for (const ref of references(node)) {
      const at = entry ?? ref.pointer;
      if (stack.includes(ref.key)) {
        const loop = [...stack.slice(stack.indexOf(ref.key)), ref.key].join(' → ');
        fail(at, `the segment "${ref.key}" refers back to itself (${loop})`, coded('rule.segment_cycle', { key: ref.key, loop }));
      }
      if (resolved.has(ref.key)) continue;
      const json = await load(ref.key);
      if (json === undefined) fail(at, `there is no saved segment "${ref.key}"`, coded('rule.segment_unknown', { key: ref.key }));
      let parsed: RuleNode;
      try {
        parsed = parseRule(json, '');
      } catch (error) {
        const why = (error as AppError).problems?.[0]?.message ?? 'invalid';
        fail(at, `the saved segment "${ref.key}" is not valid any more: ${why}`, coded('rule.segment_invalid', { key: ref.key }));
      }
      total += size(parsed);
      if (total > EXPANDED_NODE_LIMIT) {
        fail(at, `with its saved segments the rule has more than ${EXPANDED_NODE_LIMIT} parts`, coded('rule.expanded_too_large', { max: EXPANDED_NODE_LIMIT }));
      }
      resolved.set(ref.key, parsed);
      await visit(parsed, [...stack, ref.key], at);
    }
  };
  await visit(root, selfKey ? [selfKey] : [], null);
  return resolved;
}
