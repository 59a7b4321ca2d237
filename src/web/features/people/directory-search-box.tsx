// Free-text search for the directory; waits for a pause in typing before it changes the query.
import { useEffect, useRef, useState } from 'react';
import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

export type DirectorySearchBoxProps = {
  value: string;
  onSearch: (value: string) => void;
};

const DEBOUNCE_MS = 300;

export function DirectorySearchBox({ value, onSearch }: DirectorySearchBoxProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, DEBOUNCE_MS);

  // Follow outside changes (e.g. "Clear filters" or the back button) without fighting the user's typing.
  useEffect(() => {
    setText((current) => (current.trim() === value ? current : value));
  }, [value]);

  // Only a new debounced text may trigger a search: if a changed callback or URL value re-ran this
  // effect, a stale text would undo the back button. Refs give the effect the latest of both.
  const latest = useRef({ value, onSearch });
  latest.current = { value, onSearch };
  useEffect(() => {
    const query = debounced.trim();
    if (query !== latest.current.value) latest.current.onSearch(query);
  }, [debounced]);

  return (
    <TextInput
      data-testid="people-search"
      type="search"
      aria-label={t('directory.search.label')}
      placeholder={t('directory.search.placeholder')}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      rightSection={
        text !== '' ? (
          <CloseButton
            size="sm"
            aria-label={t('directory.search.clear')}
            onClick={() => {
              setText('');
              onSearch('');
            }}
          />
        ) : null
      }
    />
  );
}
