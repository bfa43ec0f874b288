package cn.shequ.provider;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a provider's performance record (履约记录): the grade of a finished contract
 * (subject: the procurement code), EXCELLENT / GOOD / FAIR / POOR (财预〔2020〕10号).
 */
public record Performance(String subjectCode, String grade, BigDecimal score, LocalDate evaluatedOn) {}
