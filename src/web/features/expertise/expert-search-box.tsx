// The big "what do you need help with?" box; waits for a pause in typing before it searches.
import { CloseButton, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDebouncedSearch } from '../../ui/use-debounced-search';

export type ExpertSearchBoxProps = {
  value: string;
  onSearch: (value: string) => void;
};

export function ExpertSearchBox({ value, onSearch }: ExpertSearchBoxProps) {
  const { t } = useTranslation();
  const [text, setText] = useDebouncedSearch(value, onSearch);

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
