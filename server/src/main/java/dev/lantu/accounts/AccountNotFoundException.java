package dev.lantu.accounts;

/** 404 on pages as on the API: a token or account that isn't the caller's is not confirmed to exist. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class AccountNotFoundException extends RuntimeException {

	public AccountNotFoundException(String what) {
		super("no such account or token: " + what);
	}

}
