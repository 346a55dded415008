-- Exploring the depeches dataset with DuckDB (https://duckdb.org), no other tool needed:
--   duckdb < notebooks/explore.duckdb.sql            (run from the repository root, or a release folder
--                                                     with `dist/` replaced by `.`)
-- Reads the Parquet files, which carry their types (dates, integers, lists); the same queries work on
-- 'dist/data/<table>.jsonl' with read_json or on the CSV files with read_csv (types: datapackage.json).
-- tests/publish/readers.test.ts runs this file against every build.

CREATE OR REPLACE VIEW documents AS SELECT * FROM read_parquet('dist/data/documents.parquet');
CREATE OR REPLACE VIEW mentions AS SELECT * FROM read_parquet('dist/data/mentions.parquet');
CREATE OR REPLACE VIEW entities AS SELECT * FROM read_parquet('dist/data/entities.parquet');
CREATE OR REPLACE VIEW events AS SELECT * FROM read_parquet('dist/data/events.parquet');

-- 1. rows per table
SELECT 'documents' AS "table", count(*) AS "rows" FROM documents
UNION ALL SELECT 'mentions', count(*) FROM mentions
UNION ALL SELECT 'entities', count(*) FROM entities
UNION ALL SELECT 'events', count(*) FROM events;

-- 2. articles and events per month (the data of the notebook's first plot)
WITH articles AS (
  SELECT substr(published, 1, 7) AS month, count(*) AS n FROM documents
  WHERE published_precision IN ('day', 'month') GROUP BY ALL
), evs AS (
  SELECT substr(date, 1, 7) AS month, count(*) AS n FROM events WHERE length(date) >= 7 GROUP BY ALL
)
SELECT month, coalesce(a.n, 0) AS articles, coalesce(e.n, 0) AS events
FROM articles a FULL OUTER JOIN evs e USING (month)
ORDER BY month;

-- 3. most-mentioned entities by type, joined through mentions (the second plot), with the outlets
SELECT e.type, e.name, count(*) AS mentions, count(DISTINCT m.doc_id) AS documents,
       string_agg(DISTINCT coalesce(d.outlet, '(unknown)'), ', ' ORDER BY coalesce(d.outlet, '(unknown)')) AS outlets
FROM mentions m
JOIN entities e USING (entity_id)
JOIN documents d USING (doc_id)
GROUP BY ALL
ORDER BY mentions DESC, e.name
LIMIT 20;

-- 4. events with their place and article
SELECT ev.event_type, ev.date, ev.fatalities, loc.name AS location, d.outlet, d.published
FROM events ev
JOIN documents d USING (doc_id)
LEFT JOIN entities loc ON loc.entity_id = ev.location_entity_id
ORDER BY ev.date NULLS LAST, ev.event_id;
