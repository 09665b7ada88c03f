-- Which claim holds a row's lease. A dispatcher claims a batch and sends it row by row; before each send it
-- renews that row's lease, but only while its own claim still holds the row. Without this, the last rows of a
-- slow batch were sent after their lease had run out, when another instance could have claimed and sent them
-- as well.
ALTER TABLE outbox ADD COLUMN claim uuid;
