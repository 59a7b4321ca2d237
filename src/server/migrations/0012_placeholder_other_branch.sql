-- Placeholder on the hardening-imports branch only: number 0012 belongs to another branch of issue 8.
-- Delete this file when merging (migrations must be numbered without gaps); it changes nothing.
SELECT 1;
