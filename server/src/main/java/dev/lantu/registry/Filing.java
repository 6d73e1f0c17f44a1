package dev.lantu.registry;

import java.time.LocalDate;

/** A filing (备案) an enterprise completed on a date, with its reference number and where the registry learnt it. */
public record Filing(FilingType type, LocalDate filedOn, String reference, String source) {
}
