// Live preview of a Markdown body as the mail formats it (markdown-it with the server's settings, raw
// HTML off; placeholders left as written), in a sandboxed frame. markdown-it loads on first use.
import { useEffect, useState } from 'react';
import { Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

type Render = (source: string) => string;

let renderer: Promise<Render> | null = null;

function loadRenderer(): Promise<Render> {
  renderer ??= import('markdown-it').then(({ default: MarkdownIt }) => {
    const markdown = new MarkdownIt({ html: false, linkify: true, breaks: false });
    return (source: string) => markdown.render(source);
  });
  return renderer;
}

const STYLE = 'body{font-family:system-ui,sans-serif;font-size:14px;line-height:1.5;margin:12px;color:#212529}a{color:#1c7ed6}img{max-width:100%}';

export function MarkdownPreview({ source }: { source: string }) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(source, 200);
  const [html, setHtml] = useState('');

  useEffect(() => {
    let current = true;
    void loadRenderer().then((render) => {
      if (current) setHtml(render(debounced));
    });
    return () => {
      current = false;
    };
  }, [debounced]);

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('campaigns.editor.content.bodyPreview')}
      </Text>
      <iframe
        title={t('campaigns.editor.content.bodyPreview')}
        srcDoc={`<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body>${html}</body></html>`}
        sandbox=""
        referrerPolicy="no-referrer"
        data-testid="markdown-preview"
        style={{ width: '100%', minHeight: 180, height: '100%', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4, background: 'white' }}
      />
    </Stack>
  );
}
