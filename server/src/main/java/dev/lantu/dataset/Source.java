package dev.lantu.dataset;

import java.time.LocalDate;

/** One entry of a dataset's source catalogue; facts point at it by id. Date and URL may be unknown. */
public record Source(String id, String title, String publisher, LocalDate date, String url, String note) {
}
