// A persona as form state, and the PersonaInput that saves it (blank texts become null, lists trimmed).
import type { CHANNELS, Persona, PersonaInput, Rule } from '../../../shared/audiences';
import { asRootGroup, EMPTY_RULE, parseRule } from './rule-model';

export type Channel = (typeof CHANNELS)[number];

export type PersonaDraft = {
  name: string;
  avatar: string;
  description: string;
  motivations: string[];
  pain_points: string[];
  information_needs: string[];
  preferred_channels: Channel[];
  tone_of_voice: string;
  wiifm: string;
  rule: Rule;
};

export const TEXT_LIST_FIELDS = ['motivations', 'pain_points', 'information_needs'] as const;
export const TEXT_LIST_LIMITS = { entries: 50, length: 500 } as const;

export function emptyPersonaDraft(): PersonaDraft {
  return {
    name: '',
    avatar: '',
    description: '',
    motivations: [],
    pain_points: [],
    information_needs: [],
    preferred_channels: [],
    tone_of_voice: '',
    wiifm: '',
    rule: EMPTY_RULE,
  };
}

export function draftFromPersona(persona: Persona): PersonaDraft {
  return {
    name: persona.name,
    avatar: persona.avatar ?? '',
    description: persona.description ?? '',
    motivations: persona.motivations,
    pain_points: persona.pain_points,
    information_needs: persona.information_needs,
    preferred_channels: persona.preferred_channels,
    tone_of_voice: persona.tone_of_voice ?? '',
    wiifm: persona.wiifm ?? '',
    rule: asRootGroup(parseRule(persona.rule) ?? EMPTY_RULE),
  };
}

const nullIfBlank = (text: string) => (text.trim() === '' ? null : text.trim());
const cleanList = (list: readonly string[]) => list.map((entry) => entry.trim()).filter((entry) => entry !== '');

export function personaInputFromDraft(draft: PersonaDraft): PersonaInput {
  return {
    name: draft.name.trim(),
    avatar: nullIfBlank(draft.avatar),
    description: nullIfBlank(draft.description),
    motivations: cleanList(draft.motivations),
    pain_points: cleanList(draft.pain_points),
    information_needs: cleanList(draft.information_needs),
    preferred_channels: draft.preferred_channels,
    tone_of_voice: nullIfBlank(draft.tone_of_voice),
    wiifm: nullIfBlank(draft.wiifm),
    rule: draft.rule,
  };
}
