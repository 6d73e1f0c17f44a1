/**
 * Compilation of clauses to SQL for PostgreSQL, H2 and DuckDB, so that matching runs where the data
 * lives: {@link dev.lantu.engine.sql.SqlCompiler} writes one query over the wide table of profiles
 * that {@link dev.lantu.engine.sql.ProfileTable} lays out, and the query's results agree exactly
 * with {@link dev.lantu.engine.policy.Assessor}'s.
 */
package dev.lantu.engine.sql;
