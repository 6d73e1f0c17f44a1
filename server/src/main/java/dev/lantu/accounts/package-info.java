/**
 * Accounts: who may do what. Accounts with one role each (city administrator, district officer bound to a
 * district, policy officer bound to an issuer, enterprise user bound to a USCC), form login with sessions in the
 * database, API tokens, lockout and throttling, and the append-only audit log that every write of every module
 * records in the same transaction. Modules ask {@link dev.lantu.accounts.Access} who is calling and decide in
 * their services; docs/accounts.md states who may do what.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "atlas", "dataset", "tables", "web" })
package dev.lantu.accounts;
