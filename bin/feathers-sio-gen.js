#!/usr/bin/env node
// The published command: the compiled CLI in dist/ (built by `npm run build`, run on install).
import { runCli } from '../dist/generator/cli.js'

process.exit(await runCli(process.argv.slice(2)))
