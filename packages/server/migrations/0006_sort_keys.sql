-- Pinyin sort keys (拼音排序): PGlite has no ICU collation, so the server stores a key computed with
-- pinyin-pro (src/db/sortkey.ts) next to each name or title users sort by, and orders by it
-- COLLATE "C" on both databases. Writers set it; fillSortKeys() (run after migrate) fills missing ones.
ALTER TABLE person ADD COLUMN name_sort text;
ALTER TABLE org ADD COLUMN name_sort text;
ALTER TABLE department ADD COLUMN name_sort text;
ALTER TABLE designation_item ADD COLUMN title_sort text;
CREATE INDEX person_name_sort ON person (org_id, name_sort COLLATE "C");
