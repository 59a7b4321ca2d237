// Where a leader's briefing stands, as a badge: waiting for the leader, released by them (on time or
// late), or released by the deadline with the communicator's version.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BriefingSummary } from '../../../shared/cascade';

export function BriefingStatus({ briefing }: { briefing: Pick<BriefingSummary, 'released_by' | 'on_time'> }) {
  const { t } = useTranslation();
  if (briefing.released_by === null) {
    return (
      <Badge color="blue" variant="light" data-testid="briefing-status" data-status="open">
        {t('briefings.status.open')}
      </Badge>
    );
  }
  const status = briefing.released_by === 'deadline' ? 'deadline' : briefing.on_time ? 'released' : 'late';
  return (
    <Badge color={status === 'released' ? 'green' : 'orange'} variant="light" data-testid="briefing-status" data-status={status}>
      {t(`briefings.status.${status}`)}
    </Badge>
  );
}
