-- Shequ's own tables (Camunda owns ACT_*). Portable between H2 2.x and MySQL 8 / MariaDB 10.11.
-- Users, passwords and groups live in Camunda's identity service; this records where each
-- user belongs, so that "a committee member acts only for their own community" can be checked.

CREATE TABLE district (
  code        VARCHAR(16)  NOT NULL PRIMARY KEY,
  name        VARCHAR(64)  NOT NULL
);

-- 街道办事处
CREATE TABLE street_office (
  code          VARCHAR(16) NOT NULL PRIMARY KEY,
  name          VARCHAR(64) NOT NULL,
  district_code VARCHAR(16) NOT NULL,
  CONSTRAINT fk_street_district FOREIGN KEY (district_code) REFERENCES district (code)
);

-- 社区 (the area of one residents' committee); short_name is used in document numbers (东湖居〔2026〕3号)
CREATE TABLE community (
  code        VARCHAR(16) NOT NULL PRIMARY KEY,
  name        VARCHAR(64) NOT NULL,
  short_name  VARCHAR(16) NOT NULL,
  street_code VARCHAR(16) NOT NULL,
  CONSTRAINT fk_community_street FOREIGN KEY (street_code) REFERENCES street_office (code)
);

-- 服务类别 catalogue (DOMAIN-RULES "service categories"); configurable data, seeded here
CREATE TABLE service_category (
  code       VARCHAR(32) NOT NULL PRIMARY KEY,
  name       VARCHAR(32) NOT NULL,
  sort_order INT         NOT NULL
);

INSERT INTO service_category (code, name, sort_order) VALUES
  ('RELIEF', '社区救助', 1),
  ('EMPLOYMENT', '劳动保障和就业', 2),
  ('SAFETY', '社区安全', 3),
  ('HEALTH', '社区卫生', 4),
  ('FAMILY_PLANNING', '计生', 5),
  ('CULTURE_EDU_SPORTS', '文化教育体育', 6),
  ('ENVIRONMENT', '环保', 7),
  ('INFORMATIZATION', '信息化', 8),
  ('ELDERLY_CARE', '居家养老', 9),
  ('DISABILITY', '残疾人服务', 10),
  ('VOLUNTEER', '志愿服务', 11),
  ('CONVENIENCE', '便民利民', 12);

-- 承接主体 (service provider); certification details grow with the purchase-of-service issue
CREATE TABLE provider (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name            VARCHAR(128) NOT NULL,
  legal_type      VARCHAR(32)  NOT NULL,
  credit_code     CHAR(18)     NOT NULL,
  categories      VARCHAR(512) NOT NULL,
  certified_on    DATE,
  certified_until DATE,
  registered_at   DATETIME(3)  NOT NULL,
  CONSTRAINT uq_provider_credit_code UNIQUE (credit_code)
);

-- Where a Camunda user belongs: at most one community, street office, district, organisation.
CREATE TABLE user_affiliation (
  user_id         VARCHAR(64) NOT NULL PRIMARY KEY,
  display_name    VARCHAR(64) NOT NULL,
  community_code  VARCHAR(16),
  street_code     VARCHAR(16),
  district_code   VARCHAR(16),
  organisation_id BIGINT,
  CONSTRAINT fk_aff_community FOREIGN KEY (community_code) REFERENCES community (code),
  CONSTRAINT fk_aff_street FOREIGN KEY (street_code) REFERENCES street_office (code),
  CONSTRAINT fk_aff_district FOREIGN KEY (district_code) REFERENCES district (code),
  CONSTRAINT fk_aff_provider FOREIGN KEY (organisation_id) REFERENCES provider (id)
);
