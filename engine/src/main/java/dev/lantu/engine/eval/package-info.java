/**
 * Evaluation of checked clause expressions for one enterprise, with three-valued logic (a missing
 * fact leaves a condition undetermined, naming what would decide it), exact money in fen, and a
 * trace of every step for "why" and "why not".
 */
package dev.lantu.engine.eval;
