// Re-exports the run-time package, so existing `feathers-sio-gen` imports keep working.
module.exports = require('feathers-sio-gen-runtime')
