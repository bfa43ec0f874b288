package cn.shequ.project;

import java.util.List;

/**
 * Who did what in the purchases (政府购买服务) a service project called: their steps — the
 * requirement, the method's approval, the committee and its scores, the contract — are steps of
 * the project too, for segregation of duties (an auditor who did any other task on a project does
 * not audit it). Answered by the procurement package, which records those steps.
 */
public interface PurchaseActions {

    /** The task keys {@code actor} completed in the purchases that project {@code projectCode} called. */
    List<String> taskKeysDoneBy(String projectCode, String actor);
}
