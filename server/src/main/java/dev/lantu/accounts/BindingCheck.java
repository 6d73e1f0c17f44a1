package dev.lantu.accounts;

import java.util.Optional;

/**
 * Checks what an account is bound to, for the modules that know it: the registry checks an enterprise user's
 * USCC, the policies an issuer's name. Returns the problem, if any, for the roles it knows; empty otherwise.
 */
public interface BindingCheck {

	Optional<String> problem(Role role, String binding);

}
