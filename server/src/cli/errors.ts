// Errors the CLI reports as one line (`newsdump: ...`) with exit status 2, never a stack trace.
export class UsageError extends Error {}
