-- The working-day calendar (R-DES-07 and every working-day deadline, domain workdays/): the days the
-- secrecy office enters on top of the week, public holidays (放假) and 调休 working weekends (上班).
-- Every date not listed follows the week: Monday–Friday work, Saturday–Sunday off. One calendar for
-- the whole deployment.
CREATE TABLE work_calendar_day (
  day date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('holiday', 'working_weekend')),
  -- What the day is, e.g. 春节 or 春节调休上班.
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  updated_by uuid REFERENCES account(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- The last line behind checkWorkCalendar: a working weekend is a Saturday or a Sunday.
  CONSTRAINT work_calendar_working_weekend_is_weekend
    CHECK (kind <> 'working_weekend' OR extract(isodow FROM day) IN (6, 7))
);
