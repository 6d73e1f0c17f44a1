package dev.lantu.accounts;

/** What an administrator gives to create an account; {@code binding} is the district, issuer or USCC. */
public record NewAccount(String username, String displayName, String role, String binding, String password)
		implements java.io.Serializable {
}
