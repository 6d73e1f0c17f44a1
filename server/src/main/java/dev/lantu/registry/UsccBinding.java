package dev.lantu.registry;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.lantu.accounts.BindingCheck;
import dev.lantu.accounts.Role;

/** An enterprise user's account is bound to a valid unified social credit code (GB 32100, check character). */
@Component
class UsccBinding implements BindingCheck {

	@Override
	public Optional<String> problem(Role role, String binding) {
		if (role != Role.ENTERPRISE_USER) {
			return Optional.empty();
		}
		return UnifiedSocialCreditCode.problem(binding.toUpperCase(java.util.Locale.ROOT));
	}

}
