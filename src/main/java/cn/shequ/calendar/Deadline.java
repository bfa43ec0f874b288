package cn.shequ.calendar;

import java.time.LocalDate;

/**
 * A deadline's last day and whether it was counted on a provisional calendar (a year whose State
 * Council notice Shequ does not have yet): a provisional deadline is shown as such and may still
 * move when the official arrangement is loaded.
 */
public record Deadline(LocalDate date, boolean provisional) {
}
