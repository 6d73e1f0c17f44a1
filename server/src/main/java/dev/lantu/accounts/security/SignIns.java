package dev.lantu.accounts.security;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.lantu.accounts.AuditLog;
import dev.lantu.accounts.AuditOrigin;
import dev.lantu.accounts.Caller;

/** Sign-ins, failed ones and sign-outs go to the audit log too: who got in, who was refused, from where. */
@Component
class SignIns {

	private final AuditLog audit;

	SignIns(AuditLog audit) {
		this.audit = audit;
	}

	@Transactional
	public void succeeded(Caller caller, String address) {
		audit.record(new AuditOrigin(caller, address), "session.sign-in", "account", caller.username(),
				caller.district(), null, Map.of("outcome", "signed in"));
	}

	@Transactional
	public void failed(String username, String address, String reason) {
		String attempted = username == null ? "" : username.strip();
		audit.record(new AuditOrigin(Caller.ANONYMOUS, address), "session.sign-in-refused", "account",
				attempted.substring(0, Math.min(attempted.length(), 200)), null, null, Map.of("reason", reason));
	}

	@Transactional
	public void signedOut(Caller caller, String address) {
		audit.record(new AuditOrigin(caller, address), "session.sign-out", "account", caller.username(),
				caller.district(), null, Map.of("outcome", "signed out"));
	}

}
