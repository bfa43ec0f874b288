package cn.shequ.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** 社区服务项目: one row of {@code project}; the process instance carries only its code. */
public record Project(String code, String title, String category, String communityCode, String beneficiaries,
                      String description, BigDecimal amount, String fundCode, String deliveryMode,
                      LocalDate plannedStart, LocalDate plannedEnd, String status, String author,
                      String processInstanceId, BigDecimal reservedAmount, BigDecimal disbursedAmount,
                      BigDecimal score, String grade, Integer respondents, Integer satisfied,
                      LocalDateTime createdAt, LocalDateTime updatedAt) {

    public ProjectStatus projectStatus() {
        return ProjectStatus.valueOf(status);
    }
}
