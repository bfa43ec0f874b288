-- The official working-day arrangement of a year (国务院办公厅关于部分节假日安排的通知) as an
-- administrator loaded it (PUT /api/admin/calendar/{year}), in the text format of the
-- calendar/<year>.properties files. The shipped files stay the base; a year loaded here replaces
-- that year's provisional calendar on every node (docs/calendar.md).
CREATE TABLE working_day_calendar (
  calendar_year INT          NOT NULL PRIMARY KEY,
  content       MEDIUMTEXT   NOT NULL,
  sha256        CHAR(64)     NOT NULL,
  loaded_by     VARCHAR(64)  NOT NULL,
  loaded_at     DATETIME(3)  NOT NULL
);
