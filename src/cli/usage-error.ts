/** An error whose message is meant for the user as it is: printed as one line, no stack. */
export class UsageError extends Error {}

/** Refused for now, not for bad input: another reader holds the data folder (exit 75, "try again later"). */
export class BusyError extends UsageError {}
