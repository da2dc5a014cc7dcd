-- The main storyboard of every existing project is its first one (the rule new projects follow).
UPDATE `storyboards` SET `is_main` = 1
WHERE `id` IN (SELECT min(`id`) FROM `storyboards` WHERE `deleted_at` IS NULL GROUP BY `project_id`);
