/** Longest explanation shown: the catalogue's own are shorter; one quoting a file or a server is cut. */
export const EXPLANATION_MAX_LENGTH = 2000
