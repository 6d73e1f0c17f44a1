package dev.lantu.accounts;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who writes and from where: the caller and the client's address ("cli" or "system" outside a request).
 * Captured where a request starts work, so a background job it starts is recorded as the request's.
 */
public record AuditOrigin(Caller caller, String remoteAddress) {

	public static AuditOrigin current() {
		Caller caller = Access.caller();
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return new AuditOrigin(caller, request.getRemoteAddr());
		}
		return new AuditOrigin(caller, caller.kind() == Caller.Kind.SYSTEM ? "system" : "unknown");
	}

}
