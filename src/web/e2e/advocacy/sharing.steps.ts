// PLACEHOLDER (helper A replaces this file before issue 12 lands).
import type { BrowserHarness } from '../browser-harness.js';

export async function sharingSteps(_h: BrowserHarness): Promise<void> {}
