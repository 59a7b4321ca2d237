// PLACEHOLDER (helper B replaces this file before issue 12 lands).
import type { BrowserHarness } from '../browser-harness.js';

export async function pointsSteps(_h: BrowserHarness): Promise<void> {}
