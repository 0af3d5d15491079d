// Preloaded into the loader child (`node --import …/usage-preload.mjs bin/qtickets-load.mjs …`): when the process
// exits, writes its own CPU time, peak RSS and peak JS heap to $BENCH_USAGE_FILE, so the bench measures the real CLI
// unchanged. The JS heap is sampled every 250 ms: RSS minus heap is mostly the embedded engine's native memory.
import { writeFileSync } from 'node:fs'
import { cpuSeconds, peakRssMB, sampleHeapPeaks } from './lib/usage.mjs'

const file = process.env.BENCH_USAGE_FILE
if (file) {
  const heap = sampleHeapPeaks(250)
  process.on('exit', (code) => {
    writeFileSync(file, JSON.stringify({ exitCode: code, cpuSeconds: cpuSeconds(), peakRssMB: peakRssMB(), ...heap.peaks() }))
  })
}
