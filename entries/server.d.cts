// Re-exports the run-time package, so existing `feathers-sio-gen/server` imports keep working.
export * from 'feathers-sio-gen-runtime/server'
