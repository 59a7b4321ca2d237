// Absolute paths of the files Resonance ships beside its code (migrations, the built web app).
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));

export const PROJECT_ROOT = path.resolve(here, '../../..');
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'src/server/migrations');
export const WEB_DIST_DIR = path.join(PROJECT_ROOT, 'dist/web');
