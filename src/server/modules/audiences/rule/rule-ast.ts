// The validated form of a segment rule: what the parser produces and the compiler consumes. Every
// node keeps the JSON pointer it came from, so later errors (cycles, unknown segments) can name it.
import type { ActivityType, FieldType } from '../../../../shared/audiences.js';

export type RuleNode =
  | { kind: 'all' | 'any'; pointer: string; children: RuleNode[] }
  | { kind: 'not'; pointer: string; child: RuleNode }
  | { kind: 'segment'; pointer: string; key: string }
  | { kind: 'activity'; pointer: string; type: ActivityType; campaign: number | string | null; withinDays: number | null; has: boolean }
  | { kind: 'org'; pointer: string; ref: string }
  | { kind: 'condition'; pointer: string; field: string; attribute: string | null; type: FieldType | 'attribute'; op: string; value: ConditionValue };

export type ConditionValue = string | number | boolean | string[] | number[] | [number, number] | [string, string];
