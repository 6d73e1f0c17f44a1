package dev.lantu.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The first administrator comes from the environment on the first start; nothing else creates an account. */
@SpringBootTest(properties = { "lantu.admin.username=First.Admin", "lantu.admin.password=first-admin-password-2026" })
class FirstAdministratorTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountService accounts;

	@Test
	void theEnvironmentCreatesTheFirstAdministratorAndNoOtherAccount() {
		assertThat(jdbc.sql("select username, role from account").query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
			.containsExactly("first.admin CITY_ADMIN");
		assertThat(accounts.createFirstAdministrator("second", "Second", "second-admin-password-2026"))
			.as("only while there is none").isEmpty();
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'account.create' and entity_id = 'first.admin'")
			.query(Long.class).single()).isEqualTo(1);
	}

}
