-- The service a referral letter is addressed to, as the physician chose or typed it at referral
-- (clinic.letter.default-addressee when they named none). Letters issued before this column keep
-- it empty: their stored PDF says what they said.
ALTER TABLE referral ADD COLUMN addressee VARCHAR(300);
