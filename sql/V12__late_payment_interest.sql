-- Payment term and late-payment interest (保障中小企业款项支付条例 (2025) arts. 9, 17): a milestone
-- is due within 30 days of acceptance (a purchase contract may agree up to 60); paid later, it owes
-- interest at 0.05% a day unless the contract agreed another rate. The figures are computed once,
-- when the payment is made (cn.shequ.fund.PaymentTerms), and kept with it. The interest is a
-- liability recorded and shown, never a ledger line: fund_ledger keeps ALLOCATE, RESERVE, DISBURSE
-- and RELEASE only.
ALTER TABLE milestone_payment ADD COLUMN payment_term_days INT NOT NULL DEFAULT 30;
ALTER TABLE milestone_payment ADD COLUMN interest_rate DECIMAL(8,6) NOT NULL DEFAULT 0.000500;
ALTER TABLE milestone_payment ADD COLUMN days_late INT NOT NULL DEFAULT 0;
ALTER TABLE milestone_payment ADD COLUMN late_interest DECIMAL(15,2) NOT NULL DEFAULT 0.00;

-- Payments made before this migration were all due under the defaults: their days late are counted
-- as PaymentTerms counts them (calendar days after the 30th day following the day of acceptance,
-- 民法典 arts. 201, 203), with the interest; the late flag follows.
UPDATE milestone_payment
   SET days_late = GREATEST(0, TIMESTAMPDIFF(DAY, CAST(accepted_at AS DATE), CAST(paid_at AS DATE)) - 30)
 WHERE accepted_at IS NOT NULL;
UPDATE milestone_payment SET late_interest = ROUND(amount * interest_rate * days_late, 2), late = (days_late > 0)
 WHERE accepted_at IS NOT NULL;

-- The terms a purchase contract agreed at signing; contracts signed before this migration agreed none.
ALTER TABLE contract ADD COLUMN payment_term_days INT NOT NULL DEFAULT 30;
ALTER TABLE contract ADD COLUMN late_interest_rate DECIMAL(8,6) NOT NULL DEFAULT 0.000500;
ALTER TABLE contract ADD CONSTRAINT ck_contract_payment_term CHECK (payment_term_days BETWEEN 30 AND 60);
ALTER TABLE contract ADD CONSTRAINT ck_contract_interest_rate
  CHECK (late_interest_rate > 0 AND late_interest_rate <= 0.001);
