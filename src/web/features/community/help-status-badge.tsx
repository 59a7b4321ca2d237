// A help request's status as a coloured badge in the UI language.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HelpStatus } from '../../../shared/community';

const COLOR: Record<HelpStatus, string> = { open: 'blue', accepted: 'teal', resolved: 'green', cancelled: 'gray' };

export function HelpStatusBadge({ status }: { status: HelpStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light" data-testid="help-status" data-status={status}>
      {t(`help.status.${status}`)}
    </Badge>
  );
}
