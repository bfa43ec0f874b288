package cn.shequ.project;

import java.math.BigDecimal;

/** One line of a project's budget; the lines sum to the project amount (粤府〔2007〕6号 三(二)1). */
public record BudgetLine(String projectCode, int seq, String item, BigDecimal amount) {}
