/** Public API of @zakaz/qtickets-sdk. */
export const SDK_NAME = '@zakaz/qtickets-sdk'
