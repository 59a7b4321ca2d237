// Roles and the signed-in user as server and web both see them.
import { z } from 'zod';

export const ROLES = ['admin', 'communicator', 'leader', 'employee'] as const;
export type Role = (typeof ROLES)[number];

export const UI_LANGUAGES = ['en', 'de', 'nl'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const loginRequestSchema = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** `GET /api/v1/auth/me` and the answer to a successful login. */
export const currentUserSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  role: z.enum(ROLES),
  display_name: z.string(),
  person_id: z.number().int().nullable(),
  ui_language: z.enum(UI_LANGUAGES).nullable(),
  /** Send back in the `X-CSRF-Token` header on every state-changing request made with the cookie. */
  csrf_token: z.string(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

/** `PUT /api/v1/auth/me/language`: the account's interface language, used on every device. */
export const uiLanguageUpdateSchema = z.object({ ui_language: z.enum(UI_LANGUAGES) }).strict();
export type UiLanguageUpdate = z.infer<typeof uiLanguageUpdateSchema>;
