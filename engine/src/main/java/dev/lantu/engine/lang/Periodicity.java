package dev.lantu.engine.lang;

/** Whether a variable has one value per enterprise or one per year. */
public enum Periodicity {
    /** One value, such as the district or the date of registration. */
    STATIC,
    /** One value per calendar year, such as revenue (营业收入) or R&amp;D expense. */
    YEARLY
}
