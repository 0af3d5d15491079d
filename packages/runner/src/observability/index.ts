/** Metrics, health, alerts and notifiers of `qtickets-load` (see docs/monitoring/README.md). */

/** Tiny metrics registry: counters and gauges with labels, names prefixed `qtickets_load_`. */
export { createMetricsRegistry, METRIC_PREFIX } from './metrics'
export type { Counter, Gauge, Labels, MetricFamily, MetricsRegistry, MetricType, Sample } from './metrics'

/** The run's metrics, fed by SDK events and runner events. */
export { createRunMetrics } from './run-metrics'
export type { BreakerEvent, Freshness, PageEvent, RequestEvent, RetryEvent, RunFinished, RunMetrics, SdkEvent } from './run-metrics'

/** Resources loaded per tenant, and the resource an API path belongs to. */
export { RESOURCES, resourceFromPath } from './resources'
export type { Resource } from './resources'

/** Prometheus text exposition, atomic textfile writes and JSON for `status --json`. */
export { escapeHelp, escapeLabelValue, formatValue, metricsToJson, readMetricsFile, renderPrometheus, writeMetricsFile } from './prometheus'
export type { MetricsJson } from './prometheus'

/** Reads a previous metrics file back so counters keep counting across runs. */
export { parseExposition, restoreMetrics } from './prometheus-parse'
export type { ParsedSample } from './prometheus-parse'

/** Health verdict for `status` (exit 3 when unhealthy). */
export { evaluateHealth, formatAge } from './health'
export type { HealthInput, HealthProblem, HealthProblemKind, HealthReport, TenantHealthInput } from './health'

/** Alert manager: one alert when a problem starts, one message when it resolves. */
export { createAlertManager, problemKey } from './alerts'
export type { AlertDelivery, AlertManager, AlertManagerOptions, AlertMessage, AlertSender, TenantObservation } from './alerts'

/** Safe wording of alert texts. */
export { describeFailures, problemText, recoveryText, safeWord } from './alert-text'
export type { RunFailure } from './alert-text'

/** Where alert state lives between processes. */
export { createJsonFileAlertStore, createMemoryAlertStore, emptyAlertState, parseAlertState } from './alert-store'
export type { AlertProblemKind, AlertState, AlertStateStore, ProblemRecord } from './alert-store'

/** Webhook and Telegram notifiers and the never-throwing, redacting sender. */
export { createAlertSender, createNotifiers, createTelegramNotifier, createWebhookNotifier } from './notifiers'
export type { AlertSenderOptions, Notifier, TelegramNotifierOptions, WebhookNotifierOptions } from './notifiers'

/** Redaction guard for secrets, e-mails and phone numbers. */
export { createRedactor } from './redact'
export type { Redactor } from './redact'

/** JSON POST with a timeout and URL-free errors. */
export { NotifierError, postJson } from './http-post'
export type { FetchLike, PostJsonOptions } from './http-post'

/** Observability settings from env, flags and config file. */
export { OBSERVABILITY_ENV, parseObservabilityConfig } from './config'
export type { ObservabilityConfig, ObservabilityConfigSources, ObservabilitySettings, TelegramConfig } from './config'

/** Atomic file write (temp file + rename). */
export { writeFileAtomic } from './atomic-write'
export type { AtomicWriteOptions } from './atomic-write'

/** Shared types: run status, breaker state, logger. */
export { RUN_STATUSES } from './types'
export type { BreakerState, ObservabilityLogger, RunStatus } from './types'
