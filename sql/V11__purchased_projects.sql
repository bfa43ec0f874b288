-- A service project delivered by purchase of services (delivery mode PURCHASE) calls the purchase
-- process; once its contract is published the contracted provider's user reports the project's
-- milestones (which are the contract's). Kept on the project, not taken from process variables that
-- a completion could overwrite.
ALTER TABLE project ADD COLUMN supplier_user VARCHAR(64);
