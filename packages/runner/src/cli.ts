/** qtickets-load CLI entry. */
console.log('qtickets-load: not implemented yet')
