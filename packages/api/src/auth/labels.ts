// Sign-in limits without the schema library, so that the login page's bundle stays small (the
// contract in ../auth.ts builds its schemas from these).
export const LIMITS = { username: 64, password: 256 } as const;
