// Shows a rendered mail's HTML in a sandboxed frame (no scripts, no same origin, no forms), so
// nothing in a message can act on the app, and its plain-text part below.
import { Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type MessageFrameProps = { html: string; text: string; title: string };

export function MessageFrame({ html, text, title }: MessageFrameProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <iframe
        title={title}
        srcDoc={html}
        sandbox=""
        referrerPolicy="no-referrer"
        data-testid="message-html"
        style={{ width: '100%', height: 520, border: '1px solid var(--mantine-color-default-border)', borderRadius: 8, background: 'white' }}
      />
      <Text size="sm" fw={500}>
        {t('campaigns.message.textPart')}
      </Text>
      <Code block data-testid="message-text" style={{ whiteSpace: 'pre-wrap', maxHeight: 320, overflow: 'auto' }}>
        {text}
      </Code>
    </Stack>
  );
}
