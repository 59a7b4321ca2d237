// A comment's text as React elements (never HTML): emphasis, code, links that open in a new tab,
// mentions as the person's name, hashtags of a known skill linked to expert search for it.
import { Anchor, Code, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../shared/conversation';
import { parseComment } from './comment-markup';

export function CommentBody({ comment }: { comment: Pick<Reply, 'body' | 'mentions' | 'hashtags'> }) {
  const { t } = useTranslation();
  const names = new Map(comment.mentions.map((m) => [m.external_id, m.display_name]));
  const skills = new Map(comment.hashtags.map((h) => [h.tag, h.skill]));
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="comment-body">
      {parseComment(comment.body ?? '').map((piece, i) => {
        switch (piece.kind) {
          case 'text':
            return piece.text;
          case 'bold':
            return <strong key={i}>{piece.text}</strong>;
          case 'italic':
            return <em key={i}>{piece.text}</em>;
          case 'code':
            return <Code key={i}>{piece.text}</Code>;
          case 'link':
            return (
              <Anchor key={i} href={piece.href} target="_blank" rel="noopener noreferrer nofollow">
                {piece.href}
              </Anchor>
            );
          case 'mention':
            return (
              <Text key={i} span fw={600} c="blue" data-testid="comment-mention">
                @{names.get(piece.externalId) ?? '…'}
              </Text>
            );
          case 'hashtag': {
            const skill = skills.get(piece.tag);
            return skill ? (
              <Anchor key={i} component={Link} to={`/experts?q=${encodeURIComponent(skill)}`} title={t('conversation.expertsFor', { skill })}>
                #{piece.tag}
              </Anchor>
            ) : (
              <Text key={i} span c="dimmed">
                #{piece.tag}
              </Text>
            );
          }
        }
      })}
    </Text>
  );
}
