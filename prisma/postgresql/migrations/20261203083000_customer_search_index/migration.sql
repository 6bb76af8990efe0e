-- The customer list searches an expression, not a column (SEARCH_TEXT in lib/customers/queries.ts).
-- This trigram index is on exactly that expression, so PostgreSQL serves its LIKE '%…%' from it.
-- Prisma's schema cannot describe an expression index: it is written here by hand, PostgreSQL
-- only, and lib/list-search-index.test.ts checks that the list's query still uses it.
-- (No semicolons in comments: the driver adapter splits a migration into statements at each one.)
CREATE INDEX "Customer_search_trgm_idx" ON "Customer" USING GIN ((LOWER("name") || ' ' || COALESCE(LOWER("email"), '') || ' ' || COALESCE("phone", '')) gin_trgm_ops);
