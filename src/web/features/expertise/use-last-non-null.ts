// Keeps showing what a modal was opened for while it animates closed, after the caller cleared it.
import { useRef } from 'react';

/**
 * The latest non-null `value` seen.
 * @example const shown = useLastNonNull(skill); // still the skill while `skill` is null and the modal fades
 */
export function useLastNonNull<T>(value: T | null): T | null {
  const last = useRef<T | null>(value);
  if (value !== null) last.current = value;
  return last.current;
}
