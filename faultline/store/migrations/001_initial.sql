-- 001: articles, their statements and event reports, canonical events, links, rejections, history.

CREATE TABLE articles (
    id          TEXT PRIMARY KEY,
    url         TEXT UNIQUE,              -- NULL for files without a URL
    title       TEXT,
    published   TEXT,                     -- ISO date
    source      TEXT,
    language    TEXT,
    origin      TEXT,
    text_hash   TEXT NOT NULL,            -- sha256 of the text: the same text under another URL is a duplicate
    text        TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_text_hash ON articles (text_hash);

-- One row per Mention: a statement about a possible event, with its modality.
CREATE TABLE statements (
    id          INTEGER PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    modality    TEXT NOT NULL,
    event_type  TEXT,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    data        TEXT NOT NULL             -- the Mention as JSON
);
CREATE INDEX statements_article ON statements (article_id);

-- One row per EventMention: one article's report of one incident.
CREATE TABLE mentions (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,     -- article id + trigger offsets (dedup.mention_key)
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    modality    TEXT NOT NULL,
    forming     INTEGER NOT NULL,         -- 1 when it can form an event (reported/background)
    event_type  TEXT NOT NULL,
    country_key TEXT NOT NULL,            -- blocking country (dedup.country_key)
    day         INTEGER,                  -- event date as a day ordinal; NULL when undated
    day_lo      INTEGER,                  -- day - its precision window
    day_hi      INTEGER,
    latitude    REAL,                     -- lets blocking drop far candidates before decoding
    longitude   REAL,
    where_prec  INTEGER,
    data        TEXT NOT NULL             -- the EventMention as JSON
);
CREATE INDEX mentions_block ON mentions (country_key, day) WHERE forming = 1;
CREATE INDEX mentions_block_lo ON mentions (country_key, day_lo) WHERE forming = 1;
CREATE INDEX mentions_article ON mentions (article_id);

-- Evidence spans of each report: field -> quoted words, who said them.
CREATE TABLE evidence (
    mention_id    INTEGER NOT NULL REFERENCES mentions (id) ON DELETE CASCADE,
    field         TEXT NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    text          TEXT NOT NULL,
    attributed_to TEXT
);
CREATE INDEX evidence_mention ON evidence (mention_id);

CREATE TABLE events (
    id            TEXT PRIMARY KEY,       -- event_id_cnty
    anchor        TEXT NOT NULL UNIQUE,   -- smallest mention key: the event's identity
    component     TEXT NOT NULL,          -- smallest mention key of its connected component
    event_date    TEXT,
    year          INTEGER,
    event_type    TEXT NOT NULL,
    country       TEXT NOT NULL,
    admin1        TEXT NOT NULL,
    actor1        TEXT NOT NULL,
    actor2        TEXT NOT NULL,
    fatalities    INTEGER NOT NULL,
    latitude      REAL,
    longitude     REAL,
    record        TEXT NOT NULL,          -- Event.to_record() as JSON
    updated_at    TEXT NOT NULL
);
CREATE INDEX events_country_date ON events (country, event_date);
CREATE INDEX events_date ON events (event_date);
CREATE INDEX events_component ON events (component);
CREATE INDEX events_type ON events (event_type);

CREATE TABLE event_mentions (
    event_id   TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    mention_id INTEGER NOT NULL UNIQUE REFERENCES mentions (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, mention_id)
);

CREATE TABLE rejections (
    id         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL,             -- article id, or the input's name
    stage      TEXT NOT NULL,
    reason     TEXT NOT NULL,
    code       TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Every change to a canonical event; kept after the event itself is gone.
CREATE TABLE event_history (
    id         INTEGER PRIMARY KEY,
    event_id   TEXT NOT NULL,
    at         TEXT NOT NULL,
    action     TEXT NOT NULL,             -- created, updated, merged, split, deleted
    reason     TEXT NOT NULL,
    article_id TEXT,                      -- the article whose ingest caused it
    changes    TEXT NOT NULL              -- JSON {field: [old, new]}
);
CREATE INDEX event_history_event ON event_history (event_id);
