// PLACEHOLDER (helper C replaces this file before issue 12 lands).
import type { BrowserHarness } from '../browser-harness.js';

export async function maturitySteps(_h: BrowserHarness): Promise<void> {}
