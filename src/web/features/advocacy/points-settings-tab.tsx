// The admins' points settings (ADR 0031): points, cap and cap interval per action, levels and the cost
// per click; the server checks the whole form and answers problems by JSON pointer.
import { Alert, Button, Group, Loader, NumberInput, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CAP_INTERVALS, POINT_ACTIONS, type AdvocacySettings } from '../../../shared/advocacy';
import { ErrorAlert } from '../../ui/error-alert';
import { fieldErrors } from '../../ui/field-errors';
import { useAdvocacySettings, useSaveAdvocacySettings } from './points-queries';

export function PointsSettingsTab() {
  const { t } = useTranslation();
  const settings = useAdvocacySettings();
  const save = useSaveAdvocacySettings();
  const [form, setForm] = useState<AdvocacySettings | null>(null);
  const [levels, setLevels] = useState('');

  useEffect(() => {
    if (settings.data && form === null) {
      setForm(settings.data);
      setLevels(settings.data.levels.join(', '));
    }
  }, [settings.data, form]);

  if (settings.isPending) return <Loader size="sm" />;
  if (settings.isError) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!form) return null;
  const errors = save.isError ? fieldErrors(save.error, t) : {};
  const setAction = (action: (typeof POINT_ACTIONS)[number], patch: Partial<AdvocacySettings['actions'][typeof action]>) =>
    setForm({ ...form, actions: { ...form.actions, [action]: { ...form.actions[action], ...patch } } });

  return (
    <Stack maw={760} data-testid="points-settings">
      <Title order={4}>{t('advocacyPoints.settings.title')}</Title>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('advocacyPoints.settings.action')}</Table.Th>
            <Table.Th>{t('advocacyPoints.settings.pointsColumn')}</Table.Th>
            <Table.Th>{t('advocacyPoints.settings.cap')}</Table.Th>
            <Table.Th>{t('advocacyPoints.settings.interval')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {POINT_ACTIONS.map((action) => (
            <Table.Tr key={action}>
              <Table.Td>{t(`advocacyPoints.actions.${action}`)}</Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={`${t(`advocacyPoints.actions.${action}`)} ${t('advocacyPoints.settings.pointsColumn')}`}
                  min={0}
                  max={1000}
                  allowDecimal={false}
                  value={form.actions[action].points}
                  onChange={(v) => setAction(action, { points: Number(v) || 0 })}
                  error={errors[`/actions/${action}/points`]}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={`${t(`advocacyPoints.actions.${action}`)} ${t('advocacyPoints.settings.cap')}`}
                  placeholder={t('advocacyPoints.settings.capHint')}
                  min={0}
                  allowDecimal={false}
                  value={form.actions[action].cap ?? ''}
                  onChange={(v) => setAction(action, { cap: v === '' ? null : Number(v) })}
                  error={errors[`/actions/${action}/cap`]}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`${t(`advocacyPoints.actions.${action}`)} ${t('advocacyPoints.settings.interval')}`}
                  data={CAP_INTERVALS.map((i) => ({ value: i, label: t(`advocacyPoints.settings.intervals.${i}`) }))}
                  value={form.actions[action].interval}
                  onChange={(v) => v && setAction(action, { interval: v })}
                  allowDeselect={false}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <TextInput label={t('advocacyPoints.settings.levels')} value={levels} onChange={(e) => setLevels(e.currentTarget.value)} error={errors['/levels']} />
      <Group grow>
        <NumberInput
          label={t('advocacyPoints.settings.costPerClick')}
          min={0}
          max={1000}
          decimalScale={2}
          value={form.cost_per_click}
          onChange={(v) => setForm({ ...form, cost_per_click: Number(v) || 0 })}
          error={errors['/cost_per_click']}
        />
        <TextInput
          label={t('advocacyPoints.settings.currency')}
          maxLength={3}
          value={form.currency}
          onChange={(e) => setForm({ ...form, currency: e.currentTarget.value.toUpperCase() })}
          error={errors['/currency']}
        />
      </Group>
      {save.isError && Object.keys(errors).length === 0 && <ErrorAlert error={save.error} />}
      {save.isSuccess && <Alert color="green">{t('advocacyPoints.settings.saved')}</Alert>}
      <Group>
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate({
              ...form,
              levels: levels
                .split(',')
                .map((s) => s.trim())
                .filter((s) => s !== '')
                .map(Number),
            })
          }
          data-testid="points-settings-save"
        >
          {t('advocacyPoints.settings.save')}
        </Button>
      </Group>
    </Stack>
  );
}
