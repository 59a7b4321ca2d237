// Query key of the signed-in user, shared by the auth context and the global 401 handler.
export const AUTH_QUERY_KEY = ['auth', 'me'] as const;
