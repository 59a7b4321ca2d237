// Free-text search for the directory; waits for a pause in typing before it changes the query.
import { CloseButton, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDebouncedSearch } from '../../ui/use-debounced-search';

export type DirectorySearchBoxProps = {
  value: string;
  onSearch: (value: string) => void;
};

export function DirectorySearchBox({ value, onSearch }: DirectorySearchBoxProps) {
  const { t } = useTranslation();
  const [text, setText] = useDebouncedSearch(value, onSearch);

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
