// The big "what do you need help with?" box; waits for a pause in typing before it searches.
import { useEffect, useRef, useState } from 'react';
import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

export type ExpertSearchBoxProps = {
  value: string;
  onSearch: (value: string) => void;
};

const DEBOUNCE_MS = 300;

export function ExpertSearchBox({ value, onSearch }: ExpertSearchBoxProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, DEBOUNCE_MS);

  // Follow outside changes (the back button, a shared link) without fighting the user's typing.
  useEffect(() => {
    setText((current) => (current.trim() === value ? current : value));
  }, [value]);

  // Only a new debounced text may search; refs hand the effect the latest URL value and callback.
  const latest = useRef({ value, onSearch });
  latest.current = { value, onSearch };
  useEffect(() => {
    const query = debounced.trim();
    if (query !== latest.current.value) latest.current.onSearch(query);
  }, [debounced]);

  return (
    <TextInput
      data-testid="experts-search"
      type="search"
      size="lg"
      radius="md"
      autoFocus
      aria-label={t('experts.search.label')}
      placeholder={t('experts.search.placeholder')}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      rightSection={
        text !== '' ? (
          <CloseButton
            aria-label={t('experts.search.clear')}
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
