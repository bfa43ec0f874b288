-- Legal edges of issue 11 (ADR 0013).
--
-- 保障中小企业款项支付条例 (2025) art. 9 caps an agreed payment term at 60 days and sets no floor:
-- any term of 1 to 60 days is lawful, not only 30 to 60.
ALTER TABLE contract DROP CONSTRAINT ck_contract_payment_term;
ALTER TABLE contract ADD CONSTRAINT ck_contract_payment_term CHECK (payment_term_days BETWEEN 1 AND 60);

-- The signing date is typed by the purchaser; when it was recorded is kept beside it, so that a
-- back-dated signing recorded after the 30 days of 采购法 art. 46 is still seen by the auditors'
-- CONTRACT_SIGNED_LATE rule. Contracts signed before this migration were recorded when their row was
-- written (the signing step writes the row once and never again).
ALTER TABLE contract ADD COLUMN signing_recorded_at DATETIME(3);
UPDATE contract SET signing_recorded_at = created_at;
