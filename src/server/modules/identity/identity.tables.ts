// Kysely row types of the identity tables (migration 0002); only identity's queries use them.
import type { Generated } from 'kysely';
import type { Role, UiLanguage } from '../../../shared/identity.js';

export type IdentityTables = {
  users: {
    id: Generated<number>;
    person_id: number | null;
    email: string;
    display_name: string;
    role: Role;
    password_hash: string | null;
    ui_language: UiLanguage | null;
    disabled_at: Date | null;
    last_login_at: Date | null;
    created_at: Generated<Date>;
  };
  sessions: {
    token_hash: string;
    user_id: number;
    csrf_token: string;
    created_at: Generated<Date>;
    expires_at: Date;
  };
  api_tokens: {
    id: Generated<number>;
    name: string;
    token_hash: string;
    role: Role;
    created_at: Generated<Date>;
    last_used_at: Date | null;
    revoked_at: Date | null;
  };
};
