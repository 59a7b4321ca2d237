// The employee's referrals (ADR 0034): a form to refer a potential customer or candidate with their
// consent, their referrals with a progress stepper each, and — for members of an owning team (the
// API says which) — that team's pipeline.
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONSENT_METHODS, REFERRAL_KINDS, type ReferralStatus } from '../../../shared/advocacy';
import { REFERRAL_LIMITS, REFERRAL_PATH, type MyReferral } from '../../../shared/referrals';
import { ErrorAlert } from '../../ui/error-alert';
import { fieldErrors } from '../../ui/field-errors';
import { PageLoader } from '../../ui/page-loader';
import { useMyReferrals, useRefer } from './referral-queries';
import { ReferralPipeline } from './referral-pipeline';

type Kind = (typeof REFERRAL_KINDS)[number];
type Method = (typeof CONSENT_METHODS)[number];

const EMPTY = { name: '', email: '', phone: '', company: '', note: '' };

function ReferForm() {
  const { t } = useTranslation();
  const refer = useRefer();
  const [kind, setKind] = useState<Kind>('customer');
  const [fields, setFields] = useState(EMPTY);
  const [consent, setConsent] = useState(false);
  const [method, setMethod] = useState<Method | null>(null);
  const [done, setDone] = useState(false);
  const errors = fieldErrors(refer.error, t);
  const set = (key: keyof typeof EMPTY) => (value: string) => setFields((f) => ({ ...f, [key]: value }));
  const ready = fields.name.trim() !== '' && (fields.email.trim() !== '' || fields.phone.trim() !== '') && consent && method !== null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!ready || method === null) return;
    setDone(false);
    refer.mutate(
      {
        kind,
        name: fields.name,
        email: fields.email,
        phone: fields.phone,
        company: fields.company,
        note: fields.note,
        consent: { given: true, method },
      },
      {
        onSuccess: () => {
          setFields(EMPTY);
          setConsent(false);
          setMethod(null);
          setDone(true);
        },
      },
    );
  };

  return (
    <Card withBorder radius="md">
      <form onSubmit={submit} data-testid="referral-form">
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('referrals.form.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('referrals.form.intro')}
          </Text>
          <SegmentedControl
            data-testid="referral-kind"
            value={kind}
            onChange={(v) => setKind(v)}
            data={REFERRAL_KINDS.map((k) => ({ value: k, label: t(`referrals.kind.${k}`) }))}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              data-testid="referral-name"
              label={t('referrals.form.name')}
              required
              maxLength={REFERRAL_LIMITS.name}
              value={fields.name}
              onChange={(e) => set('name')(e.currentTarget.value)}
              error={errors.name}
            />
            <TextInput
              data-testid="referral-company"
              label={t('referrals.form.company')}
              maxLength={REFERRAL_LIMITS.company}
              value={fields.company}
              onChange={(e) => set('company')(e.currentTarget.value)}
              error={errors.company}
            />
            <TextInput
              data-testid="referral-email"
              type="email"
              label={t('referrals.form.email')}
              maxLength={REFERRAL_LIMITS.email}
              value={fields.email}
              onChange={(e) => set('email')(e.currentTarget.value)}
              error={errors.email}
            />
            <TextInput
              data-testid="referral-phone"
              label={t('referrals.form.phone')}
              maxLength={REFERRAL_LIMITS.phone}
              value={fields.phone}
              onChange={(e) => set('phone')(e.currentTarget.value)}
              error={errors.phone}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('referrals.form.contactHint')}
          </Text>
          <Textarea
            data-testid="referral-note"
            label={t('referrals.form.note')}
            autosize
            minRows={2}
            maxLength={REFERRAL_LIMITS.note}
            value={fields.note}
            onChange={(e) => set('note')(e.currentTarget.value)}
            error={errors.note}
          />
          <Alert variant="light" color="blue" title={t('referrals.consent.title')}>
            <Stack gap="xs">
              <Text size="sm">{t('referrals.consent.meaning')}</Text>
              <Checkbox
                data-testid="referral-consent"
                label={t('referrals.consent.confirm')}
                checked={consent}
                onChange={(e) => setConsent(e.currentTarget.checked)}
                error={errors.consent}
              />
              <Select
                data-testid="referral-consent-method"
                label={t('referrals.consent.method')}
                placeholder={t('referrals.consent.methodPlaceholder')}
                data={CONSENT_METHODS.map((m) => ({ value: m, label: t(`referrals.consent.methods.${m}`) }))}
                value={method}
                onChange={(v) => setMethod(v)}
                comboboxProps={{ withinPortal: false }}
              />
            </Stack>
          </Alert>
          {refer.error !== null && <ErrorAlert error={refer.error} title={t('referrals.form.failed')} />}
          {done && (
            <Alert color="green" variant="light" data-testid="referral-sent">
              {t('referrals.form.sent')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" data-testid="referral-submit" loading={refer.isPending} disabled={!ready}>
              {t('referrals.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso));
}

/** The last time each status was reached (a reopened referral passes some twice). */
function lastReached(referral: MyReferral): Map<ReferralStatus, string> {
  const out = new Map<ReferralStatus, string>();
  for (const stage of referral.stages) out.set(stage.status, stage.at);
  return out;
}

function ReferralProgress({ referral }: { referral: MyReferral }) {
  const { t, i18n } = useTranslation();
  const reached = lastReached(referral);
  const steps: ReferralStatus[] = referral.status === 'lost' ? ['new', 'contacted', 'qualified', 'lost'] : [...REFERRAL_PATH];
  const active = referral.status === 'won' || referral.status === 'lost' ? steps.length : steps.indexOf(referral.status) + 1;
  return (
    <Card withBorder radius="md" data-testid="my-referral" data-status={referral.status}>
      <Group justify="space-between" mb="sm">
        <Stack gap={0}>
          <Text fw={600}>{referral.name}</Text>
          <Text size="sm" c="dimmed">
            {[t(`referrals.kind.${referral.kind}`), referral.company].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        <Badge color={referral.status === 'won' ? 'green' : referral.status === 'lost' ? 'red' : 'blue'} data-testid="my-referral-status">
          {t(`referrals.status.${referral.status}`)}
        </Badge>
      </Group>
      <Stepper active={active} size="xs" color={referral.status === 'lost' ? 'red' : undefined} allowNextStepsSelect={false}>
        {steps.map((status) => (
          <Stepper.Step
            key={status}
            label={t(`referrals.status.${status}`)}
            description={reached.has(status) && steps.indexOf(status) < active ? formatDate(reached.get(status)!, i18n.language) : undefined}
          />
        ))}
      </Stepper>
    </Card>
  );
}

export function MyReferralsTab() {
  const { t } = useTranslation();
  const mine = useMyReferrals();
  if (mine.isPending) return <PageLoader />;
  if (mine.isError) return <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />;
  return (
    <Stack>
      <ReferForm />
      <Title order={3} size="h4">
        {t('referrals.mine.title')}
      </Title>
      {mine.data.items.length === 0 ? (
        <Text c="dimmed">{t('referrals.mine.empty')}</Text>
      ) : (
        <Stack gap="sm">
          {mine.data.items.map((r) => (
            <ReferralProgress key={r.id} referral={r} />
          ))}
        </Stack>
      )}
      {mine.data.owning_team !== null && (
        <Stack gap="sm" data-testid="team-pipeline">
          <Title order={3} size="h4">
            {t('referrals.pipeline.teamTitle', { team: mine.data.owning_team })}
          </Title>
          <ReferralPipeline />
        </Stack>
      )}
    </Stack>
  );
}
