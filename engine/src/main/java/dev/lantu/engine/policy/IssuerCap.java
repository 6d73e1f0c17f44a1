package dev.lantu.engine.policy;

import java.util.Objects;

/**
 * The most one issuer's policies together pay one enterprise in one year, such as a district bureau
 * whose several policies share one ceiling.
 *
 * @param issuer    the issuer exactly as the policies name it
 * @param fen       the ceiling in fen
 * @param reference the legal text that sets it, for the explanation
 */
public record IssuerCap(String issuer, long fen, String reference) {

    public IssuerCap {
        Objects.requireNonNull(issuer, "issuer");
        if (fen < 0) {
            throw new IllegalArgumentException("the cap of " + issuer + " is negative");
        }
        reference = reference == null ? "" : reference;
    }
}
