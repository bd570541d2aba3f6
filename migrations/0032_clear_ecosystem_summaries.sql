-- The talent pipeline's and hub comparison's stored summaries change shape (names and employers stored);
-- every one is recomputed on its next read.
DELETE FROM "ecosystem_summaries";
