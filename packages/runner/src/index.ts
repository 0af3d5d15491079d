/** Public API of @zakaz/qtickets-runner. */
export const RUNNER_NAME = '@zakaz/qtickets-runner'
