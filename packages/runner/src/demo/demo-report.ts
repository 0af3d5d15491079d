import type { JobRun, Sink } from '@zakaz/clickhouse-sink'

/** Sales of one day, all events together. */
export interface DaySales {
  day: string
  orders: number
  tickets: number
  revenue: number
  refundedTickets: number
  refundedRevenue: number
}

/** Sales of one event over the whole history. */
export interface EventSales {
  eventId: number
  name: string
  city: string
  /** First show, local wall time of the event's city. */
  firstShow: string
  tickets: number
  revenue: number
  refundedTickets: number
}

/** The latest inventory snapshot of one show, zones summed. */
export interface ShowInventory {
  showId: number
  event: string
  city: string
  starts: string
  capacity: number
  sold: number
  reserved: number
  free: number
}

/** What was loaded: orders, and events (cancelled ones included) with their cities. */
export interface LoadedCatalogue {
  orders: number
  events: number
  /** Events with `deleted_at` (cancelled by the organiser). */
  cancelledEvents: number
  cities: number
}

/** What the demo prints, read back from ClickHouse (facts, views and run records). */
export interface DemoReport {
  catalogue: LoadedCatalogue
  salesByDay: DaySales[]
  salesByEvent: EventSales[]
  refunds: { tickets: number; revenue: number; cancelledOrders: number }
  inventory: ShowInventory[]
  runs: JobRun[]
}

/** Reads the report of one tenant: the last `days` days with sales, sales per event, refunds, inventory per upcoming show, runs. */
export async function readDemoReport(sink: Sink, tenant: string, days = 7): Promise<DemoReport> {
  const db = sink.database
  const select = async <T>(query: string, params: Record<string, unknown> = {}): Promise<T[]> =>
    (await sink.client.query({ query, query_params: { tenant, ...params }, format: 'JSONEachRow' })).json<T>()
  type Row = Record<string, string | number>
  const byDay = await select<Row>(
    `SELECT toString(sales_date) AS day, sum(orders) AS order_count, sum(tickets) AS ticket_count, toString(sum(revenue)) AS revenue_rub,
       sum(refunded_tickets) AS refunded_count, toString(sum(refunded_revenue)) AS refunded_rub
     FROM ${db}.fact_qtickets_sales_daily FINAL WHERE tenant = {tenant:String}
     GROUP BY sales_date ORDER BY sales_date DESC LIMIT {days:UInt32}`,
    { days },
  )
  const byEvent = await select<Row>(
    `SELECT event_id, any(event_name) AS name, any(city) AS event_city, toString(min(first_show_local)) AS first_show,
       sum(tickets) AS ticket_count, toString(sum(revenue)) AS revenue_rub, sum(refunded_tickets) AS refunded_count
     FROM ${db}.v_qtickets_sales_dashboard WHERE tenant = {tenant:String}
     GROUP BY event_id ORDER BY sum(revenue) DESC, event_id`,
  )
  const [refunds] = await select<Row>(
    `SELECT (SELECT sum(refunded_tickets) FROM ${db}.fact_qtickets_sales_daily FINAL WHERE tenant = {tenant:String}) AS refunded_count,
       (SELECT toString(sum(refunded_revenue)) FROM ${db}.fact_qtickets_sales_daily FINAL WHERE tenant = {tenant:String}) AS refunded_rub,
       (SELECT count() FROM ${db}.stg_qtickets_api_orders_raw FINAL WHERE tenant = {tenant:String} AND payed AND deleted_at IS NOT NULL) AS cancelled`,
  )
  const [catalogue] = await select<Row>(
    `SELECT (SELECT count() FROM ${db}.stg_qtickets_api_orders_raw FINAL WHERE tenant = {tenant:String}) AS order_count,
       count() AS event_count, countIf(deleted_at IS NOT NULL) AS cancelled_count, uniqExact(city_name) AS city_count
     FROM ${db}.dim_events FINAL WHERE tenant = {tenant:String}`,
  )
  const inventory = await select<Row>(
    `SELECT show_id, any(event_name) AS event, any(city) AS show_city, toString(any(show_start_local)) AS starts,
       sum(capacity) AS capacity_total, sum(sold) AS sold_total, sum(reserved) AS reserved_total, sum(free) AS free_total
     FROM ${db}.v_qtickets_inventory_latest WHERE tenant = {tenant:String}
     GROUP BY show_id ORDER BY starts, show_id`,
  )
  return {
    catalogue: {
      orders: Number(catalogue?.order_count ?? 0),
      events: Number(catalogue?.event_count ?? 0),
      cancelledEvents: Number(catalogue?.cancelled_count ?? 0),
      cities: Number(catalogue?.city_count ?? 0),
    },
    salesByDay: byDay.reverse().map((row) => ({
      day: String(row.day),
      orders: Number(row.order_count),
      tickets: Number(row.ticket_count),
      revenue: Number(row.revenue_rub),
      refundedTickets: Number(row.refunded_count),
      refundedRevenue: Number(row.refunded_rub),
    })),
    salesByEvent: byEvent.map((row) => ({
      eventId: Number(row.event_id),
      name: String(row.name),
      city: String(row.event_city),
      firstShow: String(row.first_show).slice(0, 16),
      tickets: Number(row.ticket_count),
      revenue: Number(row.revenue_rub),
      refundedTickets: Number(row.refunded_count),
    })),
    refunds: { tickets: Number(refunds?.refunded_count ?? 0), revenue: Number(refunds?.refunded_rub ?? 0), cancelledOrders: Number(refunds?.cancelled ?? 0) },
    inventory: inventory.map((row) => ({
      showId: Number(row.show_id),
      event: String(row.event),
      city: String(row.show_city),
      starts: String(row.starts).slice(0, 16),
      capacity: Number(row.capacity_total),
      sold: Number(row.sold_total),
      reserved: Number(row.reserved_total),
      free: Number(row.free_total),
    })),
    runs: await sink.lastRuns({ tenant, limit: 10 }),
  }
}
