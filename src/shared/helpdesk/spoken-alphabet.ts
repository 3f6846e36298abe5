/** Crockford's base 32: no I, L, O or U, so nothing is misheard or misread. */
export const SPOKEN_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
