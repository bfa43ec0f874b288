-- A service project that bought its service pays the contract's milestones on the contract's payment
-- terms (保障中小企业款项支付条例: 30 days, up to 60 by agreement; interest 0.05% a day unless agreed).
-- Null for projects delivered without a contract: the regulation's defaults apply.
ALTER TABLE project ADD COLUMN payment_term_days INT;
ALTER TABLE project ADD COLUMN late_interest_rate DECIMAL(9,6);

-- The purchaser of that contract (the street office or civil affairs user who stated the requirement)
-- organises the acceptance of each milestone, with the people served taking part (条例 art. 45).
ALTER TABLE project ADD COLUMN purchaser_user VARCHAR(64);
