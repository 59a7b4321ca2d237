// Suggests a segment key from its name: "Neue Führungskräfte 2025" -> "neue-fuhrungskrafte-2025".
import { SEGMENT_KEY_PATTERN } from '../../../shared/audiences';

const MAX_KEY = 64;

export function keyFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_KEY)
    .replace(/-+$/, '');
}

export function isSegmentKey(key: string): boolean {
  return SEGMENT_KEY_PATTERN.test(key);
}
