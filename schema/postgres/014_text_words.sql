-- 014_text_words (PostgreSQL): the free-text index's words split at
-- punctuation, as FTS5's unicode61 splits them on SQLite.
--
-- PostgreSQL's default parser keeps a file path, a host, a URL or an
-- e-mail address as one token ('/etc/passwd', 'http://169.254.169.254/
-- latest/meta-data') and reads '<script>...</script>' as tags and
-- nothing it indexes, so 'passwd', 'latest' or 'alert' found nothing. The
-- index is now over the text with every run of the 32 ASCII punctuation
-- characters (the ranges ! to /, : to @, [ to `, { to ~; code points,
-- whatever the locale) turned into one space first. regexp_replace is
-- IMMUTABLE, as an index expression must be; measured on 200,000 texts of
-- 210 bytes it costs about 18 us a text, translate() with the same 32
-- characters about 57 us (docs/ARCHITECTURE.md). store_event_query.c's
-- EQ_PG_WORDS is this expression (another one would not use the index),
-- and the search's terms go through the same class. Accents still count
-- here (FTS5's unicode61 folds them): api/openapi.yaml, q.
--
-- On the partitioned events (013) the index is the parent's, so this one
-- statement builds it on every month.

DROP INDEX events_text;
CREATE INDEX events_text ON events USING gin (
  to_tsvector('simple', regexp_replace(coalesce(payload, '') || ' ' || coalesce(operation, ''),
                                       '[!-/:-@[-`{-~]+', ' ', 'g'))
);
