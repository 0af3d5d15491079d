-- Run records and incremental sync state.

CREATE TABLE IF NOT EXISTS {{db}}.meta_job_runs {{on_cluster}}
(
    tenant            LowCardinality(String),
    job               LowCardinality(String),
    run_id            String,
    started_at        DateTime64(3, 'UTC'),
    finished_at       Nullable(DateTime64(3, 'UTC')),
    status            Enum8('running' = 1, 'ok' = 2, 'partial' = 3, 'error' = 4),
    rows_by_resource  Map(String, UInt64),
    error             String DEFAULT '',
    _ver              UInt64
)
ENGINE = ReplacingMergeTree(_ver)
ORDER BY (tenant, job, run_id)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS {{db}}.meta_sync_state {{on_cluster}}
(
    tenant      LowCardinality(String),
    resource    LowCardinality(String),
    cursor      String COMMENT 'written only after the rows it covers are committed',
    updated_at  DateTime64(3, 'UTC'),
    run_id      String,
    _ver        UInt64
)
ENGINE = ReplacingMergeTree(_ver)
ORDER BY (tenant, resource)
SETTINGS non_replicated_deduplication_window = 10000;
