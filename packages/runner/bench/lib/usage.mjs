// This process's own resource usage, as the bench reports it.

/** User + system CPU time of this process so far, in seconds. */
export function cpuSeconds() {
  const { userCPUTime, systemCPUTime } = process.resourceUsage()
  return (userCPUTime + systemCPUTime) / 1e6
}

/** Peak resident set size of this process so far, in MB (maxRSS is in KiB on Linux). */
export function peakRssMB() {
  return process.resourceUsage().maxRSS / 1024
}

/** Samples the JS heap every `intervalMs` (without keeping the process alive); `peaks()` gives the highest values in MB. */
export function sampleHeapPeaks(intervalMs) {
  let heapUsed = 0
  let external = 0
  const sample = () => {
    const usage = process.memoryUsage()
    heapUsed = Math.max(heapUsed, usage.heapUsed)
    external = Math.max(external, usage.external)
  }
  sample()
  setInterval(sample, intervalMs).unref()
  return {
    peaks() {
      sample()
      return { peakHeapUsedMB: heapUsed / 2 ** 20, peakExternalMB: external / 2 ** 20 }
    },
  }
}
