package cn.shequ.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The body of POST and PUT /api/projects (API.md): the project report (项目报告书). */
public record ProjectRequest(String title, String category, String communityCode, String beneficiaries,
                             String description, BigDecimal amount, String fundCode, String deliveryMode,
                             List<BudgetLineRequest> budgetLines, LocalDate plannedStart, LocalDate plannedEnd,
                             List<MilestoneRequest> milestones) {

    public record BudgetLineRequest(String item, BigDecimal amount) {}

    public record MilestoneRequest(String name, Integer percent) {}
}
