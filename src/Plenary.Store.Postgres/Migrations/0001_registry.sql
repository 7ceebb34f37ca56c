-- Plenary registry schema on PostgreSQL: the tables of the SQLite migrations 0001–0022 in PostgreSQL's types.
-- Bitemporal by construction: claims are inserted, never updated; review decisions and corrections are new rows.

CREATE TABLE plenary_meta (key text PRIMARY KEY, value text NOT NULL);

CREATE TABLE sources (
    id text PRIMARY KEY, kind text NOT NULL, title text NOT NULL, date text, publisher text, url text, note text,
    recorded_at timestamptz NOT NULL, recorded_by text NOT NULL
);
CREATE TABLE states (
    id text PRIMARY KEY, name text NOT NULL, cow_code integer, record jsonb NOT NULL,
    recorded_at timestamptz NOT NULL, recorded_by text NOT NULL
);
CREATE INDEX states_cow ON states(cow_code);
CREATE TABLE organizations (id text PRIMARY KEY, name text NOT NULL, record jsonb NOT NULL, recorded_at timestamptz NOT NULL, recorded_by text NOT NULL);
CREATE TABLE persons (id text PRIMARY KEY, name text NOT NULL, record jsonb NOT NULL, recorded_at timestamptz NOT NULL, recorded_by text NOT NULL);

-- One row per text: the unique hash is what makes ingesting the same article twice, even at once, store it once.
CREATE TABLE articles (
    id text PRIMARY KEY, content_hash text NOT NULL UNIQUE, url text, outlet text, title text, published text, text text NOT NULL,
    recorded_at timestamptz NOT NULL, recorded_by text NOT NULL
);

CREATE TABLE claims (
    seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,  -- recording order
    id          text PRIMARY KEY,
    type        text NOT NULL,
    source_id   text NOT NULL,
    state       text,
    org         text,
    valid_from  text,
    fact        jsonb NOT NULL,
    evidence    jsonb NOT NULL,
    modality    text NOT NULL,
    note        text,
    corrects    text REFERENCES claims(id),
    sequence    integer NOT NULL,
    recorded_at timestamptz NOT NULL,
    recorded_by text NOT NULL
);
CREATE INDEX claims_org_state ON claims(org, state, type);
CREATE INDEX claims_type ON claims(type);
CREATE INDEX claims_source ON claims(source_id);

CREATE TABLE claim_reviews (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    claim_id text NOT NULL REFERENCES claims(id), decision text NOT NULL,
    decided_at timestamptz NOT NULL, decided_by text NOT NULL, note text
);
CREATE INDEX claim_reviews_claim ON claim_reviews(claim_id, seq);

CREATE TABLE audit_log (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL, actor text NOT NULL, action text NOT NULL, subject text NOT NULL, before text, after text
);

CREATE TABLE exchange_cow_org (org_id text PRIMARY KEY, ioname text NOT NULL, ionum integer, orgname text);
CREATE UNIQUE INDEX exchange_cow_org_ioname ON exchange_cow_org(lower(ioname));
CREATE TABLE exchange_cow_state (state_id text PRIMARY KEY, ccode integer NOT NULL UNIQUE, stateabb text NOT NULL, cowname text NOT NULL);
CREATE TABLE exchange_cow_observed (
    source_id text NOT NULL, org_id text NOT NULL, state_id text NOT NULL, from_year integer NOT NULL, to_year integer NOT NULL,
    PRIMARY KEY (source_id, org_id, state_id, from_year)
);
CREATE TABLE exchange_igo_row (source_id text NOT NULL, org_id text NOT NULL, year integer NOT NULL, meta text, PRIMARY KEY (source_id, org_id, year));
CREATE TABLE exchange_state_row (source_id text NOT NULL, state_id text NOT NULL, year integer NOT NULL, PRIMARY KEY (source_id, state_id, year));
CREATE TABLE exchange_system_spell (
    source_id text NOT NULL, state_id text NOT NULL, start_date text NOT NULL, end_date text NOT NULL, PRIMARY KEY (source_id, state_id, start_date)
);

-- Accounts: names unique whatever their case.
CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
    password_hash text,
    created_at timestamptz NOT NULL,
    disabled_at timestamptz
);
CREATE UNIQUE INDEX users_name ON users(lower(name));
CREATE TABLE api_keys (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_id bigint NOT NULL REFERENCES users(id),
    key_hash text NOT NULL UNIQUE, prefix text NOT NULL, created_at timestamptz NOT NULL, revoked_at timestamptz
);
CREATE INDEX api_keys_user ON api_keys(user_id);
CREATE TABLE sessions (
    id_hash text PRIMARY KEY, user_id bigint NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL, ended_at timestamptz, end_reason text
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Full-text search: one row per searchable thing, its name weighted A and its other text B; kept by triggers.
CREATE TABLE search_index (
    kind  text NOT NULL,
    key   text NOT NULL,
    title text NOT NULL,
    body  text NOT NULL,
    doc   tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')) STORED,
    PRIMARY KEY (kind, key)
);
CREATE INDEX search_index_doc ON search_index USING gin(doc);

CREATE FUNCTION plenary_words(j jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT coalesce(string_agg(v, ' '), '') FROM jsonb_array_elements_text(coalesce(j, '[]'::jsonb)) v $$;

CREATE FUNCTION plenary_index_thing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'states' THEN
        INSERT INTO search_index(kind, key, title, body) VALUES ('state', NEW.id, NEW.name,
            NEW.id || ' ' || coalesce(NEW.record->>'official_name', '') || ' ' || coalesce(NEW.record->>'capital', '') || ' ' ||
            plenary_words(NEW.record->'aliases') || ' ' || plenary_words(NEW.record->'demonyms')) ON CONFLICT DO NOTHING;
    ELSIF TG_TABLE_NAME = 'organizations' THEN
        INSERT INTO search_index(kind, key, title, body) VALUES ('organization', NEW.id, NEW.name,
            NEW.id || ' ' || plenary_words(NEW.record->'acronyms') || ' ' || plenary_words(NEW.record->'aliases')) ON CONFLICT DO NOTHING;
    ELSIF TG_TABLE_NAME = 'persons' THEN
        INSERT INTO search_index(kind, key, title, body) VALUES ('person', NEW.id, NEW.name, plenary_words(NEW.record->'aliases')) ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO search_index(kind, key, title, body) VALUES ('article', NEW.id, coalesce(NEW.title, ''), NEW.text) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER search_states_ai AFTER INSERT ON states FOR EACH ROW EXECUTE FUNCTION plenary_index_thing();
CREATE TRIGGER search_organizations_ai AFTER INSERT ON organizations FOR EACH ROW EXECUTE FUNCTION plenary_index_thing();
CREATE TRIGGER search_persons_ai AFTER INSERT ON persons FOR EACH ROW EXECUTE FUNCTION plenary_index_thing();
CREATE TRIGGER search_articles_ai AFTER INSERT ON articles FOR EACH ROW EXECUTE FUNCTION plenary_index_thing();
