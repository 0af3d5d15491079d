let last = 0

/** A strictly increasing row version for rows the sink writes itself: microseconds since the epoch, never repeated in this process. */
export function nextVersion(): number {
  last = Math.max(Date.now() * 1000, last + 1)
  return last
}
