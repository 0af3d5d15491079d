/** The two fact tables and the UTM keys the second one adds. */
export const FACT_TABLES = {
  fact_qtickets_sales_daily: [] as readonly string[],
  fact_qtickets_sales_utm_daily: ['utm_source', 'utm_medium', 'utm_campaign'] as readonly string[],
} as const

/** Name of a daily sales fact table. */
export type FactTable = keyof typeof FACT_TABLES

/**
 * INSERT … SELECT that rebuilds whole days of one fact table for one tenant from staging (read with FINAL).
 * Rules (qtickets-api.md §10): a basket counts when deleted_at and refunded_at are null; an order is a sale when payed,
 * payed_at set, not deleted and at least one basket counts; tickets = Σ quantity, revenue = Σ price × quantity of counted
 * baskets; refunds = baskets with refunded_at set and deleted_at null in such paid orders, on the payment date.
 * sales_date = toDate(payed_at, {tz}); city = dim_events.city_name. Cells of those days that existed before and have no
 * counted or refunded tickets now get a tombstone (is_deleted = 1), so FINAL drops them.
 * Parameters: {tenant:String}, {tz:String}, {days:Array(Date)}, {ver:UInt64}.
 */
export function recomputeSalesSql(database: string, table: FactTable): string {
  const extra = FACT_TABLES[table]
  const keys = ['sales_date', 'event_id', 'city', ...extra].join(', ')
  const orderExtra = extra.map((column) => `, ${column}`).join('')
  const freshExtra = extra.map((column) => `, o.${column} AS ${column}`).join('')
  return `INSERT INTO ${database}.${table}
    (tenant, ${keys}, orders, tickets, revenue, refunded_tickets, refunded_revenue, report_time_zone, computed_at, _ver, is_deleted)
WITH
    sale_orders AS (
        SELECT order_id, event_id, toDate(payed_at, {tz:String}) AS sales_date${orderExtra}
        FROM ${database}.stg_qtickets_api_orders_raw FINAL
        WHERE tenant = {tenant:String} AND payed AND payed_at IS NOT NULL AND deleted_at IS NULL
          AND toDate(payed_at, {tz:String}) IN {days:Array(Date)}
    ),
    order_totals AS (
        SELECT order_id,
            sumIf(quantity, refunded_at IS NULL) AS tickets,
            sumIf(price * quantity, refunded_at IS NULL) AS revenue,
            sumIf(quantity, refunded_at IS NOT NULL) AS refunded_tickets,
            sumIf(price * quantity, refunded_at IS NOT NULL) AS refunded_revenue
        FROM ${database}.stg_qtickets_api_baskets_raw FINAL
        WHERE tenant = {tenant:String} AND deleted_at IS NULL
          AND order_id IN (SELECT order_id FROM sale_orders)
        GROUP BY order_id
    ),
    event_cities AS (
        SELECT event_id, city_name FROM ${database}.dim_events FINAL WHERE tenant = {tenant:String}
    ),
    fresh AS (
        SELECT o.sales_date AS sales_date, o.event_id AS event_id, ifNull(c.city_name, '') AS city${freshExtra},
            toUInt64(countIf(t.tickets > 0)) AS orders,
            toUInt64(sum(t.tickets)) AS tickets,
            CAST(sum(t.revenue) AS Decimal(18, 2)) AS revenue,
            toUInt64(sum(t.refunded_tickets)) AS refunded_tickets,
            CAST(sum(t.refunded_revenue) AS Decimal(18, 2)) AS refunded_revenue
        FROM sale_orders AS o
        INNER JOIN order_totals AS t ON t.order_id = o.order_id
        LEFT JOIN event_cities AS c ON c.event_id = o.event_id
        GROUP BY ${keys}
        HAVING tickets > 0 OR refunded_tickets > 0
    ),
    stale AS (
        SELECT ${keys}
        FROM ${database}.${table} FINAL
        WHERE tenant = {tenant:String} AND sales_date IN {days:Array(Date)}
          AND (${keys}) NOT IN (SELECT ${keys} FROM fresh)
    )
SELECT {tenant:String}, ${keys}, orders, tickets, revenue, refunded_tickets, refunded_revenue,
    {tz:String}, now64(3), {ver:UInt64}, is_deleted
FROM
(
    SELECT ${keys}, orders, tickets, revenue, refunded_tickets, refunded_revenue, toUInt8(0) AS is_deleted
    FROM fresh
    UNION ALL
    SELECT ${keys}, toUInt64(0), toUInt64(0), CAST(0 AS Decimal(18, 2)), toUInt64(0), CAST(0 AS Decimal(18, 2)), toUInt8(1)
    FROM stale
)`
}

/**
 * SELECT of the paid orders per report-zone day, counting stored versions (no FINAL: an upper bound, cheap), to size
 * recompute statements. Parameters: {tenant:String}, {tz:String}, {days:Array(Date)}.
 */
export function paidOrdersPerDaySql(database: string): string {
  return `SELECT toString(toDate(payed_at, {tz:String})) AS day, count() AS orders
FROM ${database}.stg_qtickets_api_orders_raw
WHERE tenant = {tenant:String} AND payed_at IS NOT NULL AND toDate(payed_at, {tz:String}) IN {days:Array(Date)}
GROUP BY day`
}

/** SELECT of the report-zone days the given orders are on now (payed_at set). Parameters: {tenant:String}, {tz:String}, {ids:Array(UInt64)}. */
export function salesDaysSql(database: string): string {
  return `SELECT DISTINCT toString(toDate(payed_at, {tz:String})) AS day
FROM ${database}.stg_qtickets_api_orders_raw FINAL
WHERE tenant = {tenant:String} AND order_id IN {ids:Array(UInt64)} AND payed_at IS NOT NULL
ORDER BY day`
}

/** SELECT of the current daily facts of one tenant between two dates. Parameters: {tenant:String}, {from:Date}, {to:Date}. */
export function readDailySalesSql(database: string): string {
  return `SELECT f.tenant AS tenant, toString(f.sales_date) AS sales_date, f.event_id AS event_id, f.city AS city,
    f.orders AS orders, f.tickets AS tickets, toString(f.revenue) AS revenue, f.refunded_tickets AS refunded_tickets,
    toString(f.refunded_revenue) AS refunded_revenue, f.report_time_zone AS report_time_zone, toString(f.computed_at) AS computed_at
FROM ${database}.fact_qtickets_sales_daily AS f FINAL
WHERE f.tenant = {tenant:String} AND f.sales_date >= {from:Date} AND f.sales_date <= {to:Date}
ORDER BY f.sales_date, f.event_id, f.city`
}
