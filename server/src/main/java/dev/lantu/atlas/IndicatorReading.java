package dev.lantu.atlas;

/** A region's value of an indicator in a year, with the indicator's definition (its name and unit). */
public record IndicatorReading(IndicatorDefinition definition, IndicatorValue value) {
}
