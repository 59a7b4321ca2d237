// The employee's own impact: what their shares earned (shares, outside clicks, reach) and their points,
// level, badges and influence score with the reasons behind it.
import { Stack } from '@mantine/core';
import { MyShareStats } from './my-share-stats';
import { MyScore } from './my-score';

export function ImpactTab() {
  return (
    <Stack gap="xl">
      <MyScore />
      <MyShareStats />
    </Stack>
  );
}
