// Sharing one library item: pick the network, start from the suggested text in the reader's language,
// make it one's own (identical reposts look fake), copy it, and open the network's share intent with the
// personal short link in a new window.
import { useState } from 'react';
import { Alert, Button, CopyButton, Group, Modal, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NETWORKS, type Network } from '../../../shared/advocacy';
import type { LibraryItem } from '../../../shared/advocacy-sharing';
import { ProblemAlert } from '../audiences/problem-alert';
import { useShare } from './sharing-queries';

type Props = { item: LibraryItem; onClose: () => void };

/** The first suggested text for the network, the reader's language first (the server ordered them). */
const suggestionFor = (item: LibraryItem, network: Network) => item.suggested_posts.find((p) => p.network === network)?.text ?? '';

export function ShareDialog({ item, onClose }: Props) {
  const { t } = useTranslation();
  const networks = NETWORKS.filter((n) => item.suggested_posts.some((p) => p.network === n));
  const [network, setNetwork] = useState<Network>(networks[0] ?? 'linkedin');
  const [text, setText] = useState(() => suggestionFor(item, networks[0] ?? 'linkedin'));
  const share = useShare();
  const networkName = t(`advocacySharing.networks.${network}`);

  const pick = (value: string) => {
    const next = value as Network;
    setNetwork(next);
    setText(suggestionFor(item, next));
    share.reset();
  };

  const open = async () => {
    const result = await share.mutateAsync({ id: item.id, network, text });
    window.open(result.share_url, '_blank', 'noopener,noreferrer');
  };

  return (
    <Modal opened onClose={onClose} title={t('advocacySharing.dialog.title', { title: item.title })} size="lg">
      <Stack>
        <SegmentedControl
          value={network}
          onChange={pick}
          data={NETWORKS.map((n) => ({ value: n, label: t(`advocacySharing.networks.${n}`) }))}
          aria-label={t('advocacySharing.dialog.network')}
          data-testid="share-network"
        />
        {suggestionFor(item, network) === '' && <Text size="sm">{t('advocacySharing.dialog.noSuggestion')}</Text>}
        <Textarea
          label={t('advocacySharing.dialog.text')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={4}
          maxLength={3000}
          data-testid="share-text"
        />
        <Alert variant="light" color="blue">
          {t('advocacySharing.dialog.hint')}
        </Alert>
        {share.error && <ProblemAlert error={share.error} />}
        {share.data && (
          <Stack gap="xs">
            <TextInput label={t('advocacySharing.dialog.shortLink')} value={share.data.short_url} readOnly data-testid="share-short-url" />
            <Text size="sm" role="status">
              {t('advocacySharing.dialog.opened', { network: networkName })}
            </Text>
          </Stack>
        )}
        <Group justify="space-between">
          <CopyButton value={text}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('advocacySharing.dialog.copied') : t('advocacySharing.dialog.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={() => void open().catch(() => undefined)} loading={share.isPending} data-testid="share-open">
            {t('advocacySharing.dialog.shareOn', { network: networkName })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
