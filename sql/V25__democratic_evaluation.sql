-- 民主评议: a residents' meeting (or representatives' meeting) recorded as a democratic evaluation of the
-- services delivered in its community and of the departments that serve it (居委会法 arts. 9, 10; the
-- seeds' 考评 "奖优罚劣，公开进行通报"). The meeting is judged by the same rule as any residents' meeting
-- (DMN resident-meeting-outcome: quorum); a meeting without quorum is refused and not recorded. Each
-- rating counts the participants who judged the subject 满意 / 基本满意 / 不满意; together at most those present.
CREATE TABLE democratic_evaluation (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_code VARCHAR(16)   NOT NULL,
  kind           VARCHAR(32)   NOT NULL,
  mode           VARCHAR(16)   NOT NULL,
  eligible       INT           NOT NULL,
  present        INT           NOT NULL,
  held_on        DATE          NOT NULL,
  minutes        VARCHAR(4000) NOT NULL,
  recorded_by    VARCHAR(64)   NOT NULL,
  recorded_at    DATETIME(3)   NOT NULL,
  CONSTRAINT fk_democratic_evaluation_community FOREIGN KEY (community_code) REFERENCES community (code),
  CONSTRAINT ck_democratic_evaluation_counts CHECK (eligible >= 1 AND present >= 0 AND present <= eligible)
);
CREATE INDEX ix_democratic_evaluation_community ON democratic_evaluation (community_code, held_on);
CREATE INDEX ix_democratic_evaluation_held ON democratic_evaluation (held_on);

CREATE TABLE democratic_evaluation_rating (
  evaluation_id       BIGINT       NOT NULL,
  seq                 INT          NOT NULL,
  subject_type        VARCHAR(16)  NOT NULL,
  subject_code        VARCHAR(32)  NOT NULL,
  subject_name        VARCHAR(200) NOT NULL,
  satisfied           INT          NOT NULL,
  basically_satisfied INT          NOT NULL,
  dissatisfied        INT          NOT NULL,
  PRIMARY KEY (evaluation_id, seq),
  CONSTRAINT uq_democratic_rating_subject UNIQUE (evaluation_id, subject_type, subject_code),
  CONSTRAINT fk_democratic_rating_evaluation FOREIGN KEY (evaluation_id) REFERENCES democratic_evaluation (id),
  CONSTRAINT ck_democratic_rating_type CHECK (subject_type IN ('PROJECT', 'PURCHASE', 'DEPARTMENT')),
  CONSTRAINT ck_democratic_rating_counts CHECK (satisfied >= 0 AND basically_satisfied >= 0 AND dissatisfied >= 0)
);
CREATE INDEX ix_democratic_rating_subject ON democratic_evaluation_rating (subject_type, subject_code);
