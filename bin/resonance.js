#!/usr/bin/env node
// Entry point of the `resonance` command: loads the TypeScript sources through tsx (see docs/adr/0002).
import { register } from 'tsx/esm/api';

register();
await import('../src/server/main.ts');
