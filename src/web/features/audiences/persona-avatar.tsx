// A persona's face: its image when the avatar is a URL, else its emoji or initials, else the name's initials.
import { Avatar } from '@mantine/core';
import { initialsOf } from '../../ui/initials';

export type PersonaAvatarProps = {
  avatar: string | null | undefined;
  name: string;
  size?: number;
};

function isImageUrl(avatar: string): boolean {
  return /^https?:\/\/\S+$/i.test(avatar);
}

export function PersonaAvatar({ avatar, name, size = 56 }: PersonaAvatarProps) {
  const value = avatar?.trim() ?? '';
  if (isImageUrl(value)) return <Avatar src={value} alt={name} size={size} radius="xl" />;
  return (
    <Avatar size={size} radius="xl" color="grape" variant="light" aria-hidden>
      <span style={{ fontSize: size * 0.42 }}>{value !== '' ? value.slice(0, 4) : initialsOf(name)}</span>
    </Avatar>
  );
}
