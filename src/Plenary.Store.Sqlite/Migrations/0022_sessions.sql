-- Browser sessions kept on the server (version 22). A signed-in browser's cookie names a session by a random id; the
-- session is stored here as the SHA-256 of that id and checked on every cookie-authenticated request, so signing out,
-- changing the password or disabling the account ends it on the server: a copy of the cookie stops working too.

CREATE TABLE sessions (
    id_hash     TEXT PRIMARY KEY,       -- SHA-256 of the random session id the (encrypted) cookie carries
    user_id     INTEGER NOT NULL REFERENCES users(id),
    created_at  TEXT NOT NULL,
    ended_at    TEXT,
    end_reason  TEXT                    -- signed-out | password-set | disabled
);
CREATE INDEX sessions_user ON sessions(user_id);
