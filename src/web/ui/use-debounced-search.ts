// A search box's text that follows the URL and reports a new query only after a pause in typing.
import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';

const DEBOUNCE_MS = 300;

/**
 * Returns the text to show and its setter; calls `onSearch` with the trimmed text once typing pauses.
 * @example const [text, setText] = useDebouncedSearch(query, setQuery);
 */
export function useDebouncedSearch(value: string, onSearch: (value: string) => void): [string, (text: string) => void] {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, DEBOUNCE_MS);

  // Follow outside changes (the back button, a shared link, "clear") without fighting the typing.
  useEffect(() => {
    setText((current) => (current.trim() === value ? current : value));
  }, [value]);

  // Only a new debounced text may search: if a changed callback or URL value re-ran this effect, a
  // stale text would undo the back button. Refs give the effect the latest of both.
  const latest = useRef({ value, onSearch });
  latest.current = { value, onSearch };
  useEffect(() => {
    const query = debounced.trim();
    if (query !== latest.current.value) latest.current.onSearch(query);
  }, [debounced]);

  return [text, setText];
}
