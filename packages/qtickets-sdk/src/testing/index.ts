/** Test helpers of @zakaz/qtickets-sdk: the QTickets simulator. */
export const SIMULATOR_NAME = 'qtickets-simulator'
