-- The fingerprint of each rule file Shequ started with (DMN tables, BPMN models, working-day
-- calendars): a start with a changed file writes CONFIG_CHANGED to the audit log.
CREATE TABLE config_fingerprint (
  resource    VARCHAR(200) NOT NULL PRIMARY KEY,
  sha256      CHAR(64)     NOT NULL,
  recorded_at DATETIME(3)  NOT NULL
);
