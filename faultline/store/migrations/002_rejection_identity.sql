-- 002: a rejected input is recorded once, so ingesting it again changes nothing.

DELETE FROM rejections
 WHERE id NOT IN (SELECT MIN(id) FROM rejections GROUP BY article_id, stage, code, reason);
CREATE UNIQUE INDEX rejections_identity ON rejections (article_id, stage, code, reason);
