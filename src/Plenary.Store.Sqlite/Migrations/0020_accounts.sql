-- Accounts for the web app and the HTTP API (version 20).
-- Reading is public; writing needs an editor. Passwords are stored as a KDF hash (PBKDF2, ASP.NET Core Identity's
-- format), API keys as the SHA-256 of a 256-bit random key: a key is looked up by its hash and never stored in clear.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role          TEXT NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
    password_hash TEXT,
    created_at    TEXT NOT NULL,
    disabled_at   TEXT
);

CREATE TABLE api_keys (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    key_hash    TEXT NOT NULL UNIQUE,
    prefix      TEXT NOT NULL,          -- the first characters of the key, to tell keys apart in listings
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
);
CREATE INDEX api_keys_user ON api_keys(user_id);
