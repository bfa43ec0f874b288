-- A service project delivered by purchase of services (delivery mode PURCHASE) calls the purchase
-- process; once its contract is published the contracted provider's user reports the project's
-- milestones (which are the contract's). Kept on the project, not taken from process variables that
-- a completion could overwrite.
ALTER TABLE project ADD COLUMN supplier_user VARCHAR(64);

-- A purchase that a project called (its requirement stated in define-requirement): its budget is the
-- project's reservation and the project delivers and pays its contract. Purchases that merely name a
-- project keep their own reservation and pay their own milestones.
ALTER TABLE procurement ADD COLUMN for_project BOOLEAN NOT NULL DEFAULT FALSE;

-- The purchase a PURCHASE project called last (its code is given when the call starts), shown with the
-- project so that its committee can follow it.
ALTER TABLE project ADD COLUMN procurement_code VARCHAR(16);
