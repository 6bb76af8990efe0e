-- The quote list's search also matches the words of the request and its answer (occasion,
-- delivery area, notes and the quote's message): quotes made before this get them appended to
-- "searchText" here, new ones get them from lib/quotes/search-text.ts. On PostgreSQL the
-- existing trigram index on "searchText" covers them with no new index.
-- The same statement as the SQLite migration of this name.
UPDATE "Quote" SET "searchText" = "searchText"
    || COALESCE(' ' || LOWER("occasion"), '')
    || COALESCE(' ' || LOWER("deliveryArea"), '')
    || COALESCE(' ' || LOWER("notes"), '')
    || COALESCE(' ' || LOWER("quoteMessage"), '');
