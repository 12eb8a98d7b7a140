// Re-exports the run-time package, so existing `feathers-sio-gen/server` imports keep working.
module.exports = require('feathers-sio-gen-runtime/server')
