-- the last day of a contract for which its expiry warning was mailed (an extension moves the last day and re-arms it)
ALTER TABLE contract ADD COLUMN expiry_warned_for DATE;
CREATE INDEX ix_contract_valid_to ON contract (valid_to);
