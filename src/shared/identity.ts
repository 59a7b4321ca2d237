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

/**
 * Password policy (NIST SP 800-63B §5.1.1.2): length only, no composition rules. The server also
 * refuses the account's e-mail and passwords from a list of common ones.
 */
export const PASSWORD_LIMITS = { min: 12, max: 256 } as const;

/** `POST /api/v1/auth/me/password`: change my password; my other sessions end. */
export const passwordChangeSchema = z
  .object({
    current_password: z.string().min(1).max(1024),
    new_password: z.string().max(1024),
  })
  .strict();
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

/** An account as admins see it (`GET /api/v1/users`). */
export const userSummarySchema = z.object({
  id: z.number().int(),
  email: z.string(),
  display_name: z.string(),
  role: z.enum(ROLES),
  person_id: z.number().int().nullable(),
  /** ISO time the account was disabled, or null while it may sign in. */
  disabled_at: z.string().nullable(),
  last_login_at: z.string().nullable(),
  created_at: z.string(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const USER_PAGE_SIZE = { default: 50, max: 200 } as const;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** `GET /api/v1/users`: filters and the cursor page. */
export const usersQuerySchema = z.object({
  role: z.enum(ROLES).optional(),
  /** `true`: only disabled accounts; `false`: only those that may sign in. */
  disabled: booleanQuery.optional(),
  /** Part of the e-mail or name. */
  q: z.string().trim().max(320).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(USER_PAGE_SIZE.max).default(USER_PAGE_SIZE.default),
});
export type UsersQuery = z.input<typeof usersQuerySchema>;

export const usersPageSchema = z.object({ items: z.array(userSummarySchema), next_cursor: z.string().nullable() });
export type UsersPage = z.infer<typeof usersPageSchema>;

/** `PATCH /api/v1/users/:id`: change the role, disable (ends every session at once) or enable. */
export const userUpdateSchema = z
  .object({
    role: z.enum(ROLES).optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.role !== undefined || v.disabled !== undefined, { message: 'send role or disabled' });
export type UserUpdate = z.infer<typeof userUpdateSchema>;

/** `POST /api/v1/users/:id/password`: set a password, or generate one when none is sent. */
export const passwordResetSchema = z.object({ password: z.string().max(1024).optional() }).strict();
export type PasswordReset = z.infer<typeof passwordResetSchema>;

/** The generated password, shown once; null when the admin chose it. */
export const passwordResetResultSchema = z.object({ password: z.string().nullable() });

/** `POST /api/v1/tokens`: a new API token acting with `role`, optionally expiring after `expires_in_days`. */
export const apiTokenCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    role: z.enum(ROLES),
    expires_in_days: z.number().int().min(1).max(3650).optional(),
  })
  .strict();
export type ApiTokenCreate = z.infer<typeof apiTokenCreateSchema>;

export const API_TOKEN_STATUSES = ['active', 'expired', 'revoked'] as const;

export const apiTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.enum(ROLES),
  status: z.enum(API_TOKEN_STATUSES),
  created_at: z.string(),
  expires_at: z.string().nullable(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });

/** The answer to creating a token: its secret, shown this once. */
export const apiTokenCreatedSchema = apiTokenSchema.extend({ token: z.string() });
