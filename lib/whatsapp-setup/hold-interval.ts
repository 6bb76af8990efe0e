/** While Meta refuses the access token: how long WhatsApp sends wait before the token is checked again. */
export const TOKEN_HOLD_MS = 10 * 60_000;
