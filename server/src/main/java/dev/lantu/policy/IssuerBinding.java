package dev.lantu.policy;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.lantu.accounts.BindingCheck;
import dev.lantu.accounts.Role;

/** A policy officer's account is bound to an issuer (发文单位) that the loaded policies name. */
@Component
class IssuerBinding implements BindingCheck {

	private final PolicyCatalogue catalogue;

	IssuerBinding(PolicyCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@Override
	public Optional<String> problem(Role role, String binding) {
		if (role != Role.POLICY_OFFICER || catalogue.issuers().contains(binding)) {
			return Optional.empty();
		}
		return Optional.of("no loaded policy is issued by " + binding + "; the issuers are " + catalogue.issuers());
	}

}
