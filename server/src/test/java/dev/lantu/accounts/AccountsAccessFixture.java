package dev.lantu.accounts;

import java.util.Map;

import org.springframework.context.ApplicationContext;

import dev.lantu.support.AccessFixture;
import dev.lantu.support.AccessWorld;

/** The matrix's four accounts, so that pages about one's own account have an account to show. */
public class AccountsAccessFixture implements AccessFixture {

	@Override
	public Map<String, String> prepare(ApplicationContext context, AccessWorld world) {
		AccountService accounts = context.getBean(AccountService.class);
		String password = "matrix-password-2026";
		accounts.create(new NewAccount("matrix-admin", "Matrix admin", "CITY_ADMIN", null, password));
		accounts.create(new NewAccount("matrix-district", "Matrix district", "DISTRICT_OFFICER", world.ownDistrict(), password));
		accounts.create(new NewAccount("matrix-policy", "Matrix policy", "POLICY_OFFICER", world.ownIssuer(), password));
		accounts.create(new NewAccount("matrix-enterprise", "Matrix enterprise", "ENTERPRISE_USER", world.ownUscc(), password));
		return Map.of();
	}

}
