package cn.shequ.calendar;

/**
 * What a date listed in a calendar file is; dates not listed follow the ordinary week.
 */
enum DayKind {

    /** 法定节假日放假: a day off within a public-holiday range, even if it falls on a weekday. */
    HOLIDAY,

    /** 调休上班: a Saturday or Sunday that the State Council makes a working day. */
    WORKDAY
}
