// One labelled thing on the field labels screen: a custom attribute or one stored value, with its
// name in English, German and Dutch and a Save button; emptying every language removes the label.
import { useState } from 'react';
import { Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FIELD_LABEL_LIMITS, type FieldLabel } from '../../../shared/field-labels';
import { UI_LANGUAGES, type UiLanguage } from '../../../shared/identity';
import { fieldErrors } from '../../ui/field-errors';
import { errorMessage } from '../../ui/error-message';
import { useSaveFieldLabel } from './field-label-queries';

export type FieldLabelRowProps = {
  field: string;
  /** The stored value labelled; empty for the label of the attribute itself. */
  value: string;
  current: FieldLabel['labels'] | undefined;
};

type Draft = Record<UiLanguage, string>;

const draftOf = (labels: FieldLabel['labels'] | undefined): Draft => ({ en: labels?.en ?? '', de: labels?.de ?? '', nl: labels?.nl ?? '' });

export function FieldLabelRow({ field, value, current }: FieldLabelRowProps) {
  const { t } = useTranslation();
  const save = useSaveFieldLabel();
  const [draft, setDraft] = useState<Draft>(() => draftOf(current));
  const saved = draftOf(current);
  const dirty = UI_LANGUAGES.some((language) => draft[language].trim() !== saved[language]);
  const errors = fieldErrors(save.error, t);
  const shown = value === '' ? field.replace(/^attributes\./, '') : value;

  return (
    <Table.Tr data-testid="field-label-row" data-field={field} data-value={value}>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {shown}
        </Text>
      </Table.Td>
      {UI_LANGUAGES.map((language) => (
        <Table.Td key={language}>
          <TextInput
            size="xs"
            aria-label={`${shown}: ${t(`fieldLabels.language.${language}`)}`}
            data-testid={`field-label-${language}`}
            maxLength={FIELD_LABEL_LIMITS.label}
            value={draft[language]}
            error={errors.labels}
            onChange={(event) => {
              const text = event.currentTarget.value;
              setDraft((d) => ({ ...d, [language]: text }));
            }}
          />
        </Table.Td>
      ))}
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            data-testid="field-label-save"
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => save.mutate({ field, value, labels: { en: draft.en, de: draft.de, nl: draft.nl } })}
          >
            {t('fieldLabels.save')}
          </Button>
          {save.isSuccess && !dirty && (
            <Text size="xs" c="teal" data-testid="field-label-saved">
              {t('fieldLabels.saved')}
            </Text>
          )}
          {save.error !== null && (
            <Text size="xs" c="red" role="alert">
              {t('fieldLabels.failed')}: {errorMessage(save.error, t)}
            </Text>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
