// Kysely row types of the identity tables (migrations 0002 and 0012); only identity's queries use them.
import type { Generated, JSONColumnType } from 'kysely';
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
    expires_at: Date | null;
  };
  sign_in_devices: {
    token_hash: string;
    user_id: number;
    created_at: Generated<Date>;
    last_used_at: Generated<Date>;
  };
  sign_in_throttle: {
    scope: 'email' | 'address' | 'device';
    key: string;
    failures: number;
    last_failure_at: Date;
    next_attempt_at: Date;
  };
  audit_log: {
    id: Generated<number>;
    at: Generated<Date>;
    action: string;
    actor: string;
    actor_user_id: number | null;
    actor_token_id: number | null;
    address: string | null;
    target_type: string | null;
    target_id: string | null;
    detail: JSONColumnType<Record<string, unknown>, string, string>;
  };
};
