-- 014_text_words: nothing on SQLite. FTS5's unicode61 tokenizer already
-- splits words at punctuation (a path, a URL, an e-mail address, the text
-- between <script> tags are several words). Its PostgreSQL counterpart
-- (postgres/014_text_words.sql) gives the GIN index events_text the same
-- words. The number exists on both engines so that the two lists of
-- migrations stay equal.
SELECT 1;
