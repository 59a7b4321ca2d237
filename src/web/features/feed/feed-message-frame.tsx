// A feed message's HTML (a server-rendered fragment) in a sandboxed frame: no scripts, no forms, links
// open in a new tab; same origin only so the page can size the frame to its content once loaded and
// hear which of the campaign's links (`data-link`, its index in the message) is followed.
import { forwardRef, useState } from 'react';

const STYLE =
  'html,body{margin:0}body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:15px;line-height:1.55;color:#212529;padding:4px 2px;overflow-wrap:anywhere}' +
  'a{color:#1c7ed6}img{max-width:100%;height:auto}p{margin:0 0 .75em}h1,h2,h3{line-height:1.25;margin:.8em 0 .4em}ul,ol{padding-left:1.4em}';

const MIN_HEIGHT = 60;

export type FeedMessageFrameProps = {
  html: string;
  title: string;
  /** A link of the campaign was followed: its index in the message. Called before the new tab opens. */
  onLinkFollowed?: (link: number) => void;
};

/** The `data-link` index of the campaign's link the event happened in, if any. */
function followedLink(event: Event): number | null {
  const target = event.target as { closest?: (selector: string) => Element | null } | null;
  const anchor = target?.closest?.('a[data-link]');
  const index = Number(anchor?.getAttribute('data-link') ?? NaN);
  return Number.isInteger(index) && index >= 0 ? index : null;
}

export const FeedMessageFrame = forwardRef<HTMLIFrameElement, FeedMessageFrameProps>(function FeedMessageFrame({ html, title, onLinkFollowed }, ref) {
  const [height, setHeight] = useState(160);
  return (
    <iframe
      ref={ref}
      title={title}
      srcDoc={`<!doctype html><html><head><meta charset="utf-8"><base target="_blank"><style>${STYLE}</style></head><body>${html}</body></html>`}
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
      referrerPolicy="no-referrer"
      data-testid="feed-message-html"
      onLoad={(e) => {
        const doc = e.currentTarget.contentDocument;
        const body = doc?.body;
        if (body) setHeight(Math.max(MIN_HEIGHT, body.scrollHeight + 8));
        // The link is not held up: it opens in its new tab while the report (keepalive) is on its way.
        // A middle click is an auxclick; both are a link followed.
        const follow = (event: MouseEvent) => {
          if (event.type === 'auxclick' && event.button !== 1) return;
          const link = followedLink(event);
          if (link !== null) onLinkFollowed?.(link);
        };
        doc?.addEventListener('click', follow);
        doc?.addEventListener('auxclick', follow);
      }}
      style={{ width: '100%', height, border: 'none', display: 'block', background: 'transparent' }}
    />
  );
});
