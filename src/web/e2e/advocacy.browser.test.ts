// Browser tests of issue 12 (advocacy) against one server with the demo organisation: each part's steps
// live beside this file in advocacy/*.steps.ts and run here in turn, so the programme's screens cost
// one server boot. Sharing, points and the influence score, maturity and waves, referrals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHarness, type BrowserHarness } from './browser-harness.js';
import { sharingSteps } from './advocacy/sharing.steps.js';
import { pointsSteps } from './advocacy/points.steps.js';
import { maturitySteps } from './advocacy/maturity.steps.js';
import { referralSteps } from './advocacy/referrals.steps.js';

describe('advocacy in the browser', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowserHarness({ width: 1280, height: 900 });
  });
  afterAll(async () => h?.close());

  it('shares library content with an adapted text and shows the outside clicks in the sharer stats', async () => sharingSteps(h));
  it('moves the leaderboard and the influence score as ADR 0032 says, and explains the score', async () => pointsSteps(h));
  it('places a person by self-assessment and lets a communicator plan onboarding waves by stage', async () => maturitySteps(h));
  it('takes a referral with consent and moves it through the owning team pipeline', async () => referralSteps(h));
  it('reports no Content Security Policy violation', () => expect(h.cspViolations).toEqual([]));
});
