package cn.shequ.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.AutomapConstructor;

/**
 * 社区服务项目: one row of {@code project}; the process instance carries only its code. The row as read also carries
 * the contract the project delivers, if it bought its service (supplier, purchaser, payment terms; null otherwise),
 * and the four scores of final acceptance, so that a step that has the row asks the database no second question of
 * it (issue 16); a project being drafted ({@link #Project(String, String, String, String, String, String, BigDecimal,
 * String, String, LocalDate, LocalDate, String, String, String, BigDecimal, BigDecimal, BigDecimal, String, Integer,
 * Integer, LocalDateTime, LocalDateTime) the shorter constructor}) has neither.
 */
public record Project(String code, String title, String category, String communityCode, String beneficiaries,
                      String description, BigDecimal amount, String fundCode, String deliveryMode,
                      LocalDate plannedStart, LocalDate plannedEnd, String status, String author,
                      String processInstanceId, BigDecimal reservedAmount, BigDecimal disbursedAmount,
                      BigDecimal score, String grade, Integer respondents, Integer satisfied,
                      LocalDateTime createdAt, LocalDateTime updatedAt,
                      String supplierUser, String purchaserUser, Integer paymentTermDays, BigDecimal lateInterestRate,
                      BigDecimal scoreBudget, BigDecimal scoreOutputs, BigDecimal scoreOutcomes,
                      BigDecimal scoreSatisfaction) {

    /** The row as {@code ProjectMapper} reads it (MyBatis maps the columns to these components by name). */
    @AutomapConstructor
    public Project {
    }

    /** A project as its proposal stands, without a contract or scores. */
    public Project(String code, String title, String category, String communityCode, String beneficiaries,
                   String description, BigDecimal amount, String fundCode, String deliveryMode,
                   LocalDate plannedStart, LocalDate plannedEnd, String status, String author,
                   String processInstanceId, BigDecimal reservedAmount, BigDecimal disbursedAmount,
                   BigDecimal score, String grade, Integer respondents, Integer satisfied,
                   LocalDateTime createdAt, LocalDateTime updatedAt) {
        this(code, title, category, communityCode, beneficiaries, description, amount, fundCode, deliveryMode,
                plannedStart, plannedEnd, status, author, processInstanceId, reservedAmount, disbursedAmount, score,
                grade, respondents, satisfied, createdAt, updatedAt, null, null, null, null, null, null, null, null);
    }

    public ProjectStatus projectStatus() {
        return ProjectStatus.valueOf(status);
    }
}
