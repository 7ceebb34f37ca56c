-- Feeds the worker polls, the items it found in them, and the queue of items to read (version 30).
-- An item is known by its URL (unique across feeds), so a feed that changes its items' ids adds nothing; an item's page
-- whose text is already stored (same content hash) is recorded as a duplicate. Nothing is deleted: a removed feed keeps
-- its items (they name the articles read from them).
CREATE TABLE feeds (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    url            TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    every_seconds  INTEGER NOT NULL,
    paused         INTEGER NOT NULL DEFAULT 0,
    auto_accept    TEXT NOT NULL DEFAULT 'none' CHECK (auto_accept IN ('none', 'confirmations', 'all')),
    etag           TEXT,
    last_modified  TEXT,
    next_fetch_at  TEXT NOT NULL,
    last_fetch_at  TEXT,
    last_status    TEXT,                 -- ok | not-modified | error
    last_error     TEXT,
    failures       INTEGER NOT NULL DEFAULT 0,
    added_at       TEXT NOT NULL,
    added_by       TEXT NOT NULL,
    removed_at     TEXT
);

CREATE TABLE feed_items (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    feed_id        INTEGER NOT NULL REFERENCES feeds(id),
    url            TEXT NOT NULL UNIQUE,
    item_key       TEXT NOT NULL,        -- the feed's own id for the item (guid, atom:id, JSON Feed id), as first seen
    title          TEXT,
    published      TEXT,                 -- YYYY-MM-DD from the feed, when it gives one
    status         TEXT NOT NULL CHECK (status IN ('queued', 'taken', 'ingested', 'duplicate', 'failed')),
    attempts       INTEGER NOT NULL DEFAULT 0,
    next_try_at    TEXT NOT NULL,
    taken_by       TEXT,
    taken_until    TEXT,
    content_hash   TEXT,
    article_id     TEXT,
    claims         INTEGER,
    last_error     TEXT,
    found_at       TEXT NOT NULL,
    done_at        TEXT
);
CREATE INDEX feed_items_due ON feed_items(status, next_try_at);
CREATE INDEX feed_items_feed ON feed_items(feed_id, status);

-- On SQLite one worker at a time: it holds this lease, renews it while it runs and gives it back when it stops.
CREATE TABLE worker_leases (
    name   TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    until  TEXT NOT NULL
);
