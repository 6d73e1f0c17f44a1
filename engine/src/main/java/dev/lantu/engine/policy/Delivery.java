package dev.lantu.engine.policy;

/** How an award reaches the enterprise. */
public enum Delivery {
    /** The enterprise applies and the award follows review (需申请). */
    ON_APPLICATION,
    /** Paid to every eligible enterprise found in the registry, with no application (免申即享). */
    WITHOUT_APPLICATION
}
