// Runs once per `vitest run`, before any test file: builds the migrated database every test file
// boots from (src/server/testing/test-snapshot.ts), and removes it afterwards.
import { buildTestSnapshot } from './src/server/testing/test-snapshot.js';

// Vitest reads the set-up and tear-down from a default export.
export default async function setup(): Promise<() => Promise<void>> {
  return buildTestSnapshot();
}
