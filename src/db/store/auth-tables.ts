// Hands @auth/drizzle-adapter the design's users table and our Auth.js tables.
export const authTables = <S extends { users: unknown; accounts: unknown; sessions: unknown; verificationTokens: unknown }>(schema: S) =>
  ({
    usersTable: schema.users,
    accountsTable: schema.accounts,
    sessionsTable: schema.sessions,
    verificationTokensTable: schema.verificationTokens,
  }) as never;
