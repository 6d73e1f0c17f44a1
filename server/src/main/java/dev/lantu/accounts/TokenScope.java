package dev.lantu.accounts;

/** What a token may do on its account's behalf: read only, or read and write. */
public enum TokenScope {
	READ, WRITE
}
