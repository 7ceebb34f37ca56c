-- Ranked full-text search over organizations, states, persons and article text (version 21), SQLite FTS5.
-- Triggers keep the index in step with the tables whoever writes them; existing rows are indexed here.

CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED,       -- organization | state | person | article
    key UNINDEXED,        -- the thing's id
    title,                -- its name (ranked higher)
    body,                 -- other names, or the article's text
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER search_states_ai AFTER INSERT ON states BEGIN
    INSERT INTO search_index(kind, key, title, body) VALUES ('state', new.id, new.name,
        new.id || ' ' || coalesce(json_extract(new.record, '$.official_name'), '') || ' ' || coalesce(json_extract(new.record, '$.capital'), '') || ' ' ||
        coalesce((SELECT group_concat(value, ' ') FROM json_each(new.record, '$.aliases')), '') || ' ' ||
        coalesce((SELECT group_concat(value, ' ') FROM json_each(new.record, '$.demonyms')), ''));
END;

CREATE TRIGGER search_organizations_ai AFTER INSERT ON organizations BEGIN
    INSERT INTO search_index(kind, key, title, body) VALUES ('organization', new.id, new.name,
        new.id || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(new.record, '$.acronyms')), '') || ' ' ||
        coalesce((SELECT group_concat(value, ' ') FROM json_each(new.record, '$.aliases')), ''));
END;

CREATE TRIGGER search_persons_ai AFTER INSERT ON persons BEGIN
    INSERT INTO search_index(kind, key, title, body) VALUES ('person', new.id, new.name,
        coalesce((SELECT group_concat(value, ' ') FROM json_each(new.record, '$.aliases')), ''));
END;

CREATE TRIGGER search_articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO search_index(kind, key, title, body) VALUES ('article', new.id, coalesce(new.title, ''), new.text);
END;

INSERT INTO search_index(kind, key, title, body)
    SELECT 'state', id, name, id || ' ' || coalesce(json_extract(record, '$.official_name'), '') || ' ' || coalesce(json_extract(record, '$.capital'), '') || ' ' ||
        coalesce((SELECT group_concat(value, ' ') FROM json_each(record, '$.aliases')), '') || ' ' ||
        coalesce((SELECT group_concat(value, ' ') FROM json_each(record, '$.demonyms')), '') FROM states;
INSERT INTO search_index(kind, key, title, body)
    SELECT 'organization', id, name, id || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(record, '$.acronyms')), '') || ' ' ||
        coalesce((SELECT group_concat(value, ' ') FROM json_each(record, '$.aliases')), '') FROM organizations;
INSERT INTO search_index(kind, key, title, body)
    SELECT 'person', id, name, coalesce((SELECT group_concat(value, ' ') FROM json_each(record, '$.aliases')), '') FROM persons;
INSERT INTO search_index(kind, key, title, body)
    SELECT 'article', id, coalesce(title, ''), text FROM articles;
