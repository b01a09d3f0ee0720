// Connection string with the password written into it: it belongs in .env.
export const DATABASE_URL = 'postgres://tienda:T1enda-Pr0d-2026@db.tienda.internal:5432/tienda';
