-- Plenary registry schema, version 1.
-- Bitemporal by construction: claims are inserted, never updated; review decisions and corrections are new rows.
-- Times are UTC ISO 8601 text ('2024-11-28T10:00:00.0000000Z'), so that text order is time order.

CREATE TABLE plenary_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE sources (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    date        TEXT,
    publisher   TEXT,
    url         TEXT,
    note        TEXT,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);

-- Named things: the columns that queries filter on, and the whole record as JSON (DomainJson).
CREATE TABLE states (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    cow_code    INTEGER,
    record      TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX states_cow ON states(cow_code);

CREATE TABLE organizations (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    record      TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);

CREATE TABLE persons (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    record      TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);

CREATE TABLE articles (
    id           TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    url          TEXT,
    outlet       TEXT,
    title        TEXT,
    published    TEXT,
    text         TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL
);

CREATE TABLE claims (
    id          TEXT PRIMARY KEY,
    type        TEXT NOT NULL,
    source_id   TEXT NOT NULL,
    state       TEXT,
    org         TEXT,
    valid_from  TEXT,            -- EDTF, the fact's own date
    fact        TEXT NOT NULL,   -- claims.md JSON of the fact (ClaimJson)
    evidence    TEXT NOT NULL,   -- JSON [[start, end], ...]
    modality    TEXT NOT NULL,
    note        TEXT,
    corrects    TEXT REFERENCES claims(id),
    sequence    INTEGER NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX claims_org_state ON claims(org, state, type);
CREATE INDEX claims_type ON claims(type);
CREATE INDEX claims_source ON claims(source_id);

-- Every review decision, in order; a claim's state at a time is its latest decision by then.
CREATE TABLE claim_reviews (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id   TEXT NOT NULL REFERENCES claims(id),
    decision   TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    note       TEXT
);
CREATE INDEX claim_reviews_claim ON claim_reviews(claim_id, seq);

-- Who changed what, when: one row per write, with the record before and after (JSON).
CREATE TABLE audit_log (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    subject TEXT NOT NULL,
    before  TEXT,
    after   TEXT
);
