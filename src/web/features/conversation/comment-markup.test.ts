// The comment parser: Markdown-lite, mentions and hashtags become pieces; HTML stays inert text.
import { describe, expect, it } from 'vitest';
import { parseComment, tokenAtCaret, toEditable, toTokens } from './comment-markup';

describe('parseComment', () => {
  it('reads emphasis, code, links, mentions and hashtags', () => {
    expect(parseComment('Hi @[E1], **see** *this* `a**b` at https://x.example/a?b=1. #Excel')).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'mention', externalId: 'E1' },
      { kind: 'text', text: ', ' },
      { kind: 'bold', text: 'see' },
      { kind: 'text', text: ' ' },
      { kind: 'italic', text: 'this' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'a**b' },
      { kind: 'text', text: ' at ' },
      { kind: 'link', href: 'https://x.example/a?b=1' },
      { kind: 'text', text: '. ' },
      { kind: 'hashtag', tag: 'excel' },
    ]);
  });

  it('keeps HTML and other schemes as plain text', () => {
    const body = '<img src=x onerror="alert(1)"><script>alert(2)</script> javascript:alert(3) [x](javascript:alert(4))';
    expect(parseComment(body)).toEqual([{ kind: 'text', text: body }]);
  });
});

describe('mentions while typing', () => {
  it('finds the token before the caret and swaps picked names for tokens and back', () => {
    expect(tokenAtCaret('Ask @Ann', 8)).toEqual({ trigger: '@', query: 'Ann', start: 4 });
    expect(tokenAtCaret('tips #exc', 9)).toEqual({ trigger: '#', query: 'exc', start: 5 });
    expect(tokenAtCaret('mail a@b', 8)).toBeNull();
    const picked = new Map([
      ['Ann Lee', 'E1'],
      ['Ann Lee-Smith', 'E2'],
    ]);
    expect(toTokens('@Ann Lee and @Ann Lee-Smith', picked)).toBe('@[E1] and @[E2]');
    expect(toEditable('@[E1] and @[E9]', new Map([['E1', 'Ann Lee']]))).toBe('@Ann Lee and @[E9]');
  });
});
