-- Daily sales facts, rebuilt for whole days from staging by recomputeDailySales().
-- A cell that no longer has counted or refunded tickets gets a tombstone (is_deleted = 1),
-- so `SELECT ... FINAL` shows exactly the current truth. Always read these tables with FINAL
-- (or through v_qtickets_sales_dashboard).

CREATE TABLE IF NOT EXISTS {{db}}.fact_qtickets_sales_daily {{on_cluster}}
(
    tenant            LowCardinality(String),
    sales_date        Date COMMENT 'calendar date of payed_at in report_time_zone',
    event_id          UInt64,
    city              String,
    orders            UInt64,
    tickets           UInt64,
    revenue           Decimal(18, 2),
    refunded_tickets  UInt64,
    refunded_revenue  Decimal(18, 2),
    report_time_zone  LowCardinality(String),
    computed_at       DateTime64(3, 'UTC'),
    _ver              UInt64,
    is_deleted        UInt8 DEFAULT 0
)
ENGINE = ReplacingMergeTree(_ver, is_deleted)
ORDER BY (tenant, sales_date, event_id, city)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS {{db}}.fact_qtickets_sales_utm_daily {{on_cluster}}
(
    tenant            LowCardinality(String),
    sales_date        Date COMMENT 'calendar date of payed_at in report_time_zone',
    event_id          UInt64,
    city              String,
    utm_source        String,
    utm_medium        String,
    utm_campaign      String,
    orders            UInt64,
    tickets           UInt64,
    revenue           Decimal(18, 2),
    refunded_tickets  UInt64,
    refunded_revenue  Decimal(18, 2),
    report_time_zone  LowCardinality(String),
    computed_at       DateTime64(3, 'UTC'),
    _ver              UInt64,
    is_deleted        UInt8 DEFAULT 0
)
ENGINE = ReplacingMergeTree(_ver, is_deleted)
ORDER BY (tenant, sales_date, event_id, city, utm_source, utm_medium, utm_campaign)
SETTINGS non_replicated_deduplication_window = 10000;
