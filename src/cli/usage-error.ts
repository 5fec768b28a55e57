/** An error whose message is meant for the user as it is: printed as one line, no stack. */
export class UsageError extends Error {}
