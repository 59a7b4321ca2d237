// PLACEHOLDER (helper D replaces this file before issue 12 lands).
import type { BrowserHarness } from '../browser-harness.js';

export async function referralSteps(_h: BrowserHarness): Promise<void> {}
