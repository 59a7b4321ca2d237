// A referral pipeline (ADR 0034): the referrals the caller works (their team's, or all with
// referrals:manage) as a table by status, filtered by kind, each with a status changer and a note.
import { useState } from 'react';
import { Badge, Button, Group, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REFERRAL_KINDS, REFERRAL_STATUSES, type ReferralStatus } from '../../../shared/advocacy';
import { canMoveReferral, type Referral } from '../../../shared/referrals';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { useMoveReferral, usePipeline } from './referral-queries';

function MoveControl({ referral, manager }: { referral: Referral; manager: boolean }) {
  const { t } = useTranslation();
  const move = useMoveReferral();
  const [status, setStatus] = useState<ReferralStatus | null>(null);
  const [note, setNote] = useState('');
  const options = REFERRAL_STATUSES.filter((s) => canMoveReferral(referral.status, s, manager));
  if (options.length === 0) return null;
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        <Select
          size="xs"
          w={150}
          data-testid="referral-move-status"
          aria-label={t('referrals.pipeline.moveTo')}
          placeholder={t('referrals.pipeline.moveTo')}
          data={options.map((s) => ({ value: s, label: t(`referrals.status.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v)}
          comboboxProps={{ withinPortal: false }}
        />
        <TextInput
          size="xs"
          data-testid="referral-move-note"
          aria-label={t('referrals.pipeline.note')}
          placeholder={t('referrals.pipeline.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={2000}
        />
        <Button
          size="xs"
          data-testid="referral-move"
          disabled={status === null}
          loading={move.isPending}
          onClick={() => status && move.mutate({ id: referral.id, status, note }, { onSuccess: () => (setStatus(null), setNote('')) })}
        >
          {t('referrals.pipeline.move')}
        </Button>
      </Group>
      {move.error !== null && <ErrorAlert error={move.error} />}
    </Stack>
  );
}

export function ReferralPipeline({ manager = false }: { manager?: boolean }) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<string>('all');
  const pipeline = usePipeline(kind === 'all' ? null : kind);
  const date = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(iso));

  return (
    <Stack gap="sm">
      <SegmentedControl
        data-testid="referral-kind-filter"
        value={kind}
        onChange={setKind}
        data={[{ value: 'all', label: t('referrals.pipeline.allKinds') }, ...REFERRAL_KINDS.map((k) => ({ value: k, label: t(`referrals.kind.${k}`) }))]}
        w="fit-content"
      />
      {pipeline.isPending ? (
        <PageLoader />
      ) : pipeline.isError ? (
        <ErrorAlert error={pipeline.error} onRetry={() => void pipeline.refetch()} />
      ) : pipeline.data.items.length === 0 ? (
        <Text c="dimmed">{t('referrals.pipeline.empty')}</Text>
      ) : (
        REFERRAL_STATUSES.map((status) => {
          const items = pipeline.data.items.filter((r) => r.status === status);
          if (items.length === 0) return null;
          return (
            <Stack key={status} gap={4} data-testid={`pipeline-${status}`}>
              <Group gap="xs">
                <Text fw={600}>{t(`referrals.status.${status}`)}</Text>
                <Badge variant="light">{items.length}</Badge>
              </Group>
              <Table.ScrollContainer minWidth={800}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('referrals.form.name')}</Table.Th>
                      <Table.Th>{t('referrals.pipeline.contact')}</Table.Th>
                      <Table.Th>{t('referrals.pipeline.referrer')}</Table.Th>
                      <Table.Th>{t('referrals.pipeline.since')}</Table.Th>
                      <Table.Th>{t('referrals.pipeline.change')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((r) => (
                      <Table.Tr key={r.id} data-testid="pipeline-referral" data-name={r.name}>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {r.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {[t(`referrals.kind.${r.kind}`), r.company].filter(Boolean).join(' · ')}
                          </Text>
                          {r.note && (
                            <Text size="xs" c="dimmed" lineClamp={2}>
                              {r.note}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{r.email ?? '—'}</Text>
                          <Text size="xs">{r.phone ?? ''}</Text>
                          <Text size="xs" c="dimmed">
                            {t('referrals.pipeline.consent', { method: t(`referrals.consent.methods.${r.consent_method}`), date: date(r.consent_at) })}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{r.referrer?.display_name ?? t('referrals.pipeline.referrerGone')}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{date(r.updated_at)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <MoveControl referral={r} manager={manager} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          );
        })
      )}
    </Stack>
  );
}
