package dev.lantu.registry;

/** An enterprise changed by someone else while a change to it was being made; the change was not made. */
public class EnterpriseConflictException extends RuntimeException {

	public EnterpriseConflictException(String uscc) {
		super("enterprise " + uscc + " was changed by someone else meanwhile; nothing was written, try again");
	}

}
