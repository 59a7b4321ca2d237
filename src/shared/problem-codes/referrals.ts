// Message codes of referrals (advocacy module, ADR 0034).
import type { ProblemCodeTable } from './problem-code-table.js';

export const REFERRAL_PROBLEM_CODES = {
  /** A referral needs an e-mail address or a phone number. */
  'referrals.contact_required': [],
  /** The same person (e-mail) is already referred as this kind and still open; who referred them is not told. */
  'referrals.duplicate': ['kind'],
  /** No such referral, or not one the caller's team works (not told apart). */
  'referrals.not_found': ['id'],
  /** The pipeline does not allow this move (`from` → `to`). */
  'referrals.bad_move': ['from', 'to'],
  /** The pipeline is for the owning teams and referrals:manage. */
  'referrals.not_team': [],
} as const satisfies ProblemCodeTable;
