/**
 * The expression language of policy clauses (eligibility and award formulas): lexer, parser,
 * syntax tree, types, schema of enterprise variables and the type checker. It knows nothing of how
 * values are obtained or evaluated; every problem it finds is a {@link dev.lantu.engine.lang.LanguageError}
 * with a line and column.
 */
package dev.lantu.engine.lang;
