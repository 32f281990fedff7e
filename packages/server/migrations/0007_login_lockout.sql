-- R-SYS-02 lockout per account AND source address: five failures from one address lock the account
-- for that address only, so an attacker elsewhere cannot lock a user (or an administrator) out of
-- his own desk. account.failed_count / locked_until keep the latest state for the account list and
-- the administrator's unlock; clearing them (unlock, or a sign-in with nothing locked) clears every
-- address's count.
CREATE TABLE login_lock (
  account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 64),
  failed_count integer NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
  locked_until timestamptz,
  last_failed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, source)
);

CREATE FUNCTION login_lock_cleared() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM login_lock WHERE account_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER account_lock_cleared AFTER UPDATE OF failed_count, locked_until ON account
  FOR EACH ROW WHEN (NEW.failed_count = 0 AND NEW.locked_until IS NULL
                     AND (OLD.failed_count <> 0 OR OLD.locked_until IS NOT NULL))
  EXECUTE FUNCTION login_lock_cleared();
