package dev.lantu.accounts;

public class AccountNotFoundException extends RuntimeException {

	public AccountNotFoundException(String what) {
		super("no such account or token: " + what);
	}

}
