-- Staging tables: one row per version of a source entity, keyed by tenant first.
-- ReplacingMergeTree(_ver) keeps the highest _ver per key; read them with FINAL.
-- Instants are DateTime64(3, 'UTC'); money is Decimal(18, 2); e-mails and phones exist only as HMAC hashes.
-- The sink fills in the double-brace placeholders: db (the validated database name) and on_cluster
-- (empty, or ON CLUSTER with the cluster name); in cluster mode every MergeTree engine becomes Replicated.
-- Every statement must be idempotent (IF NOT EXISTS / OR REPLACE): a file that failed halfway is re-run whole.

CREATE TABLE IF NOT EXISTS {{db}}.stg_qtickets_api_orders_raw {{on_cluster}}
(
    tenant             LowCardinality(String),
    order_id           UInt64,
    uniqid             Nullable(String),
    payed              Bool,
    payed_at           Nullable(DateTime64(3, 'UTC')),
    created_at         Nullable(DateTime64(3, 'UTC')),
    updated_at         Nullable(DateTime64(3, 'UTC')),
    deleted_at         Nullable(DateTime64(3, 'UTC')),
    price              Decimal(18, 2),
    original_price     Decimal(18, 2),
    currency_id        LowCardinality(String),
    event_id           UInt64,
    client_id          Nullable(UInt64),
    client_email_hash  Nullable(String),
    client_phone_hash  Nullable(String),
    discount_id        Nullable(UInt64),
    promo_code_id      Nullable(UInt64),
    payment_type_id    Nullable(String),
    reserved           Bool DEFAULT false,
    utm_source         String DEFAULT '',
    utm_medium         String DEFAULT '',
    utm_campaign       String DEFAULT '',
    utm_content        String DEFAULT '',
    utm_term           String DEFAULT '',
    _ver               UInt64,
    _loaded_at         DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(_ver)
ORDER BY (tenant, order_id)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS {{db}}.stg_qtickets_api_baskets_raw {{on_cluster}}
(
    tenant              LowCardinality(String),
    basket_id           UInt64,
    order_id            UInt64,
    event_id            UInt64,
    show_id             UInt64,
    seat_id             String,
    zone                LowCardinality(String) DEFAULT extract(seat_id, '^(.*)-[^-;]*;[^;]*$')
                        COMMENT 'zone part of seat_id (<ZONE>-<row>;<place>)',
    multiprice_code     Nullable(String),
    price               Decimal(18, 2) COMMENT 'per ticket, after discount',
    original_price      Decimal(18, 2),
    discount_value      Decimal(18, 2) DEFAULT 0 COMMENT 'absolute discount per ticket',
    service_fee_amount  Decimal(18, 2) DEFAULT 0,
    quantity            UInt32,
    deleted_at          Nullable(DateTime64(3, 'UTC')) COMMENT 'set = ticket cancelled',
    refunded_at         Nullable(DateTime64(3, 'UTC')) COMMENT 'set = ticket refunded',
    refunded_amount     Nullable(Decimal(18, 2)) COMMENT '0 on cancelled tickets; not a refund flag',
    checked_at          Nullable(DateTime64(3, 'UTC')),
    created_at          Nullable(DateTime64(3, 'UTC')),
    updated_at          Nullable(DateTime64(3, 'UTC')),
    _ver                UInt64,
    _loaded_at          DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(_ver)
ORDER BY (tenant, order_id, basket_id)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS {{db}}.stg_qtickets_api_inventory_raw {{on_cluster}}
(
    tenant       LowCardinality(String),
    snapshot_at  DateTime64(3, 'UTC'),
    event_id     UInt64,
    show_id      UInt64,
    zone_id      String,
    capacity     UInt32,
    free         UInt32,
    sold         UInt32,
    reserved     UInt32 COMMENT 'ordered but unpaid, plus in a basket',
    disabled     UInt32,
    _ver         UInt64,
    _loaded_at   DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(_ver)
ORDER BY (tenant, show_id, zone_id, snapshot_at)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS {{db}}.stg_qtickets_api_clients_raw {{on_cluster}}
(
    tenant      LowCardinality(String),
    client_id   UInt64,
    email_hash  Nullable(String),
    phone_hash  Nullable(String),
    _ver        UInt64,
    _loaded_at  DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(_ver)
ORDER BY (tenant, client_id)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS {{db}}.stg_qtickets_api_discounts_raw {{on_cluster}}
(
    tenant       LowCardinality(String),
    discount_id  UInt64,
    name         String,
    is_active    Bool,
    type         LowCardinality(String),
    active_from  Nullable(DateTime64(3, 'UTC')),
    active_to    Nullable(DateTime64(3, 'UTC')),
    event_ids    Array(UInt64),
    show_ids     Array(UInt64),
    created_at   Nullable(DateTime64(3, 'UTC')),
    updated_at   Nullable(DateTime64(3, 'UTC')),
    deleted_at   Nullable(DateTime64(3, 'UTC')),
    _ver         UInt64,
    _loaded_at   DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(_ver)
ORDER BY (tenant, discount_id)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS {{db}}.stg_qtickets_api_promo_codes_raw {{on_cluster}}
(
    tenant          LowCardinality(String),
    promo_code_id   UInt64,
    discount_id     UInt64,
    code            String,
    type            Int32,
    is_active       Bool,
    max_uses_count  UInt32,
    active_from     Nullable(DateTime64(3, 'UTC')),
    active_to       Nullable(DateTime64(3, 'UTC')),
    created_at      Nullable(DateTime64(3, 'UTC')),
    updated_at      Nullable(DateTime64(3, 'UTC')),
    deleted_at      Nullable(DateTime64(3, 'UTC')),
    _ver            UInt64,
    _loaded_at      DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(_ver)
ORDER BY (tenant, promo_code_id)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS {{db}}.stg_qtickets_api_color_themes_raw {{on_cluster}}
(
    tenant          LowCardinality(String),
    color_theme_id  UInt64,
    color           String,
    _ver            UInt64,
    _loaded_at      DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(_ver)
ORDER BY (tenant, color_theme_id)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS {{db}}.stg_qtickets_api_barcodes_raw {{on_cluster}}
(
    tenant      LowCardinality(String),
    show_id     UInt64,
    barcode     String,
    admission   Bool,
    price       Decimal(18, 2),
    seat_name   String,
    zone_name   String,
    seat_row    String,
    seat_place  String,
    checked_at  Nullable(DateTime64(3, 'UTC')),
    seen_at     DateTime64(3, 'UTC') COMMENT 'when the barcode list last contained this ticket',
    _ver        UInt64,
    _loaded_at  DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(_ver)
ORDER BY (tenant, show_id, barcode)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS {{db}}.stg_qtickets_api_partner_tickets_raw {{on_cluster}}
(
    tenant             LowCardinality(String),
    ticket_id          String,
    event_id           UInt64,
    show_id            Nullable(UInt64),
    paid               Bool,
    paid_at            Nullable(DateTime64(3, 'UTC')),
    deleted            Bool,
    seat_id            String,
    offer_id           String,
    admission          Bool,
    reserved_to        Nullable(DateTime64(3, 'UTC')),
    external_id        Nullable(String),
    external_order_id  Nullable(String),
    barcode            Nullable(String),
    price              Nullable(Decimal(18, 2)),
    client_email_hash  Nullable(String),
    client_phone_hash  Nullable(String),
    _ver               UInt64,
    _loaded_at         DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(_ver)
ORDER BY (tenant, ticket_id)
SETTINGS non_replicated_deduplication_window = 10000;
