package dev.lantu.engine.eval;

import java.util.Optional;

/**
 * What is known about one enterprise: static facts (district, qualifications) and yearly figures
 * (revenue by year). An empty answer means the fact is not known, which is not the same as zero
 * or false.
 */
public interface Enterprise {

    Optional<Value> fact(String variable);

    Optional<Value> fact(String variable, int year);
}
