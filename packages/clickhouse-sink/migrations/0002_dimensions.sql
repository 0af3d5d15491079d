-- Dimensions: one row per event / show (latest _ver wins; read with FINAL).
-- city_timezone is the IANA zone of event.city; *_local columns are wall-clock times in that zone,
-- derived from the instants. They are stored in a DateTime('UTC') column only so the digits never shift:
-- they are NOT instants.

CREATE TABLE IF NOT EXISTS {{db}}.dim_events {{on_cluster}}
(
    tenant         LowCardinality(String),
    event_id       UInt64,
    name           String,
    is_active      Bool,
    city_id        Nullable(UInt64),
    city_name      String,
    city_timezone  LowCardinality(String),
    currency_id    LowCardinality(String),
    place_name     String DEFAULT '',
    place_address  String DEFAULT '',
    age            String DEFAULT '',
    created_at     Nullable(DateTime64(3, 'UTC')),
    updated_at     Nullable(DateTime64(3, 'UTC')),
    deleted_at     Nullable(DateTime64(3, 'UTC')),
    _ver           UInt64,
    _loaded_at     DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(_ver)
ORDER BY (tenant, event_id)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS {{db}}.dim_shows {{on_cluster}}
(
    tenant          LowCardinality(String),
    show_id         UInt64,
    event_id        UInt64,
    name            String DEFAULT '',
    is_active       Bool,
    city_timezone   LowCardinality(String),
    open_at         Nullable(DateTime64(3, 'UTC')),
    start_at        Nullable(DateTime64(3, 'UTC')),
    finish_at       Nullable(DateTime64(3, 'UTC')),
    sale_start_at   Nullable(DateTime64(3, 'UTC')),
    sale_finish_at  Nullable(DateTime64(3, 'UTC')),
    start_local     Nullable(DateTime('UTC'))
                    DEFAULT if(city_timezone = '' OR start_at IS NULL, NULL,
                               toDateTime(formatDateTime(start_at, '%Y-%m-%d %H:%i:%S', city_timezone), 'UTC'))
                    COMMENT 'wall-clock start in city_timezone (not an instant)',
    finish_local    Nullable(DateTime('UTC'))
                    DEFAULT if(city_timezone = '' OR finish_at IS NULL, NULL,
                               toDateTime(formatDateTime(finish_at, '%Y-%m-%d %H:%i:%S', city_timezone), 'UTC'))
                    COMMENT 'wall-clock finish in city_timezone (not an instant)',
    created_at      Nullable(DateTime64(3, 'UTC')),
    updated_at      Nullable(DateTime64(3, 'UTC')),
    deleted_at      Nullable(DateTime64(3, 'UTC')),
    _ver            UInt64,
    _loaded_at      DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(_ver)
ORDER BY (tenant, show_id)
SETTINGS non_replicated_deduplication_window = 10000;
