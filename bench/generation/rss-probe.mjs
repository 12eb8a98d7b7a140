// Preloaded (--import) into a measured process: on exit, writes its peak resident set size
// (kB, from getrusage) to $BENCH_RSS_FILE. Node has no rusage for children, so the child reports it.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS))
})
