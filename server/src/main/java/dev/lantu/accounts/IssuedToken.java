package dev.lantu.accounts;

/** A token just created: its secret is shown this once and kept nowhere. */
public record IssuedToken(ApiToken token, String secret) {
}
