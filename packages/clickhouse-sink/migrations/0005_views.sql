-- Views that dashboards read. SQL SECURITY DEFINER lets a read-only role query a view
-- without SELECT on the staging tables behind it.

CREATE OR REPLACE VIEW {{db}}.v_qtickets_sales_dashboard {{on_cluster}}
DEFINER = CURRENT_USER SQL SECURITY DEFINER
AS
SELECT
    f.tenant AS tenant,
    f.sales_date AS sales_date,
    f.event_id AS event_id,
    e.name AS event_name,
    f.city AS city,
    s.first_show_local AS first_show_local,
    f.orders AS orders,
    f.tickets AS tickets,
    f.revenue AS revenue,
    if(f.tickets = 0, toDecimal64(0, 2), toDecimal64(f.revenue / f.tickets, 2)) AS avg_ticket_price,
    f.refunded_tickets AS refunded_tickets,
    f.refunded_revenue AS refunded_revenue,
    f.report_time_zone AS report_time_zone,
    f.computed_at AS computed_at
FROM {{db}}.fact_qtickets_sales_daily AS f FINAL
LEFT JOIN
(
    SELECT tenant, event_id, name
    FROM {{db}}.dim_events FINAL
) AS e ON e.tenant = f.tenant AND e.event_id = f.event_id
LEFT JOIN
(
    SELECT tenant, event_id, min(start_local) AS first_show_local
    FROM {{db}}.dim_shows FINAL
    WHERE deleted_at IS NULL
    GROUP BY tenant, event_id
) AS s ON s.tenant = f.tenant AND s.event_id = f.event_id;

CREATE OR REPLACE VIEW {{db}}.v_qtickets_inventory_latest {{on_cluster}}
DEFINER = CURRENT_USER SQL SECURITY DEFINER
AS
SELECT
    i.tenant AS tenant,
    i.snapshot_at AS snapshot_at,
    i.event_id AS event_id,
    e.name AS event_name,
    e.city_name AS city,
    i.show_id AS show_id,
    sh.start_at AS show_start_at,
    sh.start_local AS show_start_local,
    i.zone_id AS zone_id,
    i.capacity AS capacity,
    i.free AS free,
    i.sold AS sold,
    i.reserved AS reserved,
    i.disabled AS disabled
FROM {{db}}.stg_qtickets_api_inventory_raw AS i FINAL
INNER JOIN
(
    SELECT tenant, show_id, max(snapshot_at) AS latest_at
    FROM {{db}}.stg_qtickets_api_inventory_raw
    GROUP BY tenant, show_id
) AS l ON l.tenant = i.tenant AND l.show_id = i.show_id AND l.latest_at = i.snapshot_at
LEFT JOIN
(
    SELECT tenant, show_id, start_at, start_local
    FROM {{db}}.dim_shows FINAL
) AS sh ON sh.tenant = i.tenant AND sh.show_id = i.show_id
LEFT JOIN
(
    SELECT tenant, event_id, name, city_name
    FROM {{db}}.dim_events FINAL
) AS e ON e.tenant = i.tenant AND e.event_id = i.event_id;
