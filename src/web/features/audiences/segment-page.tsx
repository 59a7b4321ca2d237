// /audiences/segments/:key — edit a saved segment's rule and details, see and download its members.
import { Anchor, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import { NotFoundPage } from '../../app/not-found-page';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { useSegment } from './audience-queries';
import { SegmentEditor } from './segment-editor';
import { SegmentMembers } from './segment-members';

export function SegmentPage() {
  const { t } = useTranslation();
  const key = useParams().key ?? '';
  const segment = useSegment(key);

  if (segment.error instanceof ApiError && segment.error.status === 404) return <NotFoundPage />;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/audiences/segments" size="sm">
        {t('audiences.segments.back')}
      </Anchor>
      {segment.isPending && <PageLoader />}
      {segment.error && <ErrorAlert error={segment.error} onRetry={() => void segment.refetch()} />}
      {segment.data && (
        <>
          {/* A new version from the server (after saving) starts a fresh draft. */}
          <SegmentEditor key={segment.data.updated_at} segment={segment.data} />
          <SegmentMembers segmentKey={segment.data.key} />
        </>
      )}
    </Stack>
  );
}
