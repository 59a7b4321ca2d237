// The shape of a table of message codes: each stable dotted code with the names of its parameters.

/** Code -> parameter names. A code has at least two dotted parts and is never a prefix of another. */
export type ProblemCodeTable = Record<string, readonly string[]>;
