// A feed message's HTML (a server-rendered fragment) in a sandboxed frame: no scripts, no forms, links
// open in a new tab; same origin only so the page can size the frame to its content once loaded.
import { useState } from 'react';

const STYLE =
  'html,body{margin:0}body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:15px;line-height:1.55;color:#212529;padding:4px 2px;overflow-wrap:anywhere}' +
  'a{color:#1c7ed6}img{max-width:100%;height:auto}p{margin:0 0 .75em}h1,h2,h3{line-height:1.25;margin:.8em 0 .4em}ul,ol{padding-left:1.4em}';

const MIN_HEIGHT = 60;

export type FeedMessageFrameProps = { html: string; title: string };

export function FeedMessageFrame({ html, title }: FeedMessageFrameProps) {
  const [height, setHeight] = useState(160);
  return (
    <iframe
      title={title}
      srcDoc={`<!doctype html><html><head><meta charset="utf-8"><base target="_blank"><style>${STYLE}</style></head><body>${html}</body></html>`}
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
      referrerPolicy="no-referrer"
      data-testid="feed-message-html"
      onLoad={(e) => {
        const body = e.currentTarget.contentDocument?.body;
        if (body) setHeight(Math.max(MIN_HEIGHT, body.scrollHeight + 8));
      }}
      style={{ width: '100%', height, border: 'none', display: 'block', background: 'transparent' }}
    />
  );
}
