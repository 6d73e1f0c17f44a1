/**
 * Projects: the investment pipeline from negotiation (洽谈) to design capacity (达产), each project's
 * stage history (append-only; mistakes are corrected by reasoned entries), the investment actually
 * made per year, conference imports, and the targets the pipeline serves.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "accounts", "atlas", "dataset", "registry", "tables", "web" })
package dev.lantu.projects;
