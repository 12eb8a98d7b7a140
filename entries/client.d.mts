// Re-exports the run-time package, so existing `feathers-sio-gen/client` imports keep working.
export * from 'feathers-sio-gen-runtime/client'
