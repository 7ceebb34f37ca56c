-- The research exchange's own records (Plenary.Exchange): what COW IGO v3 calls things, and the structure of its
-- files that membership claims cannot carry — which cells a source observed, which rows it has, the state system.
-- Membership codes themselves are claims (table claims), one per run of a code, under each file's own source id.

-- A registry organization's COW names (external ids). ionum is unknown when only the state-year file was imported.
CREATE TABLE IF NOT EXISTS exchange_cow_org (
    org_id   TEXT PRIMARY KEY,
    ioname   TEXT NOT NULL,
    ionum    INTEGER,
    orgname  TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS exchange_cow_org_ioname ON exchange_cow_org(lower(ioname));

-- A registry state's COW names.
CREATE TABLE IF NOT EXISTS exchange_cow_state (
    state_id TEXT PRIMARY KEY,
    ccode    INTEGER NOT NULL UNIQUE,
    stateabb TEXT NOT NULL,
    cowname  TEXT NOT NULL
);

-- Years from_year..to_year in which a source holds a code (0, 1, 2, 3, -9) for the cell; outside them the cell is a
-- structural blank (an empty IGO-year cell, a -1 state-year cell, or no row at all).
CREATE TABLE IF NOT EXISTS exchange_cow_observed (
    source_id TEXT NOT NULL,
    org_id    TEXT NOT NULL,
    state_id  TEXT NOT NULL,
    from_year INTEGER NOT NULL,
    to_year   INTEGER NOT NULL,
    PRIMARY KEY (source_id, org_id, state_id, from_year)
);

-- (organization, year) rows: the IGO existed that year. meta = JSON array [orgname, sdate, deaddate, ...] as the
-- IGO-year file wrote them; NULL when the row is inferred (from the state-year file).
CREATE TABLE IF NOT EXISTS exchange_igo_row (
    source_id TEXT NOT NULL,
    org_id    TEXT NOT NULL,
    year      INTEGER NOT NULL,
    meta      TEXT,
    PRIMARY KEY (source_id, org_id, year)
);

-- (state, year): the state was in the state system that year according to the source.
CREATE TABLE IF NOT EXISTS exchange_state_row (
    source_id TEXT NOT NULL,
    state_id  TEXT NOT NULL,
    year      INTEGER NOT NULL,
    PRIMARY KEY (source_id, state_id, year)
);

-- Day-precise spells of state-system membership (COW states2016.csv).
CREATE TABLE IF NOT EXISTS exchange_system_spell (
    source_id  TEXT NOT NULL,
    state_id   TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date   TEXT NOT NULL,
    PRIMARY KEY (source_id, state_id, start_date)
);
