ALTER TABLE `scenes` ADD `beat` text;--> statement-breakpoint
ALTER TABLE `scenes` ADD `needs_input` text;