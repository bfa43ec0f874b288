package cn.shequ.project;

import cn.shequ.rules.PerformanceWeights;
import static cn.shequ.project.ServiceProjectProcess.Decision.APPROVE;
import static cn.shequ.project.ServiceProjectProcess.Decision.CLEAN;
import static cn.shequ.project.ServiceProjectProcess.Decision.FINDINGS;
import static cn.shequ.project.ServiceProjectProcess.Decision.REJECT;
import static cn.shequ.project.ServiceProjectProcess.Decision.RETURN;

import cn.shequ.audit.AuditActions;
import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.ShequClock;
import cn.shequ.fund.FundLedger;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.identity.OrganisationMapper;
import cn.shequ.meeting.MeetingOutcome;
import cn.shequ.meeting.MeetingService;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.project.ServiceProjectProcess.Vars;
import cn.shequ.task.TaskInput;
import cn.shequ.refusal.Refusal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * What completing each user task of a service project means, whether it is completed through the
 * API or in Tasklist: who may complete it, the fields it needs, and its effect on Shequ's tables.
 * Returns the small decisions the process routes on; throws {@link Refusal} to refuse
 * (the engine then rolls back the completion and the task stays open).
 */
@Component
class ProjectSteps {

    static final int COMMENT_MAX = 2000;
    static final int TEXT_MAX = 4000;

    private final ProjectMapper projects;
    private final ProjectActionMapper actions;
    private final DutySegregation duties;
    private final MeetingService meetings;
    private final FundLedger funds;
    private final OrganisationMapper organisations;
    private final Disclosures disclosures;
    private final ShequClock clock;
    private final AuditLog audit;
    private final ProjectDocuments documents;
    private final ProjectService proposals;
    private final PerformanceWeights weights;

    ProjectSteps(ProjectMapper projects, ProjectActionMapper actions, DutySegregation duties, MeetingService meetings,
                 FundLedger funds, OrganisationMapper organisations, Disclosures disclosures, ShequClock clock,
                 AuditLog audit, ProjectDocuments documents, ProjectService proposals, PerformanceWeights weights) {
        this.weights = weights;
        this.projects = projects;
        this.proposals = proposals;
        this.actions = actions;
        this.duties = duties;
        this.meetings = meetings;
        this.funds = funds;
        this.organisations = organisations;
        this.disclosures = disclosures;
        this.clock = clock;
        this.audit = audit;
        this.documents = documents;
    }

    /**
     * What a claim of {@code taskKey} by {@code actor} can be refused for before anything is submitted: the
     * step's jurisdiction (community, street, contract party) and the segregation of duties known in advance
     * (the proposer, an earlier review, the milestone's reporter or acceptor, an auditor's other tasks).
     */
    void checkClaim(String code, String taskKey, Integer milestoneSeq, CurrentUser actor) {
        Project project = projects.find(code).orElse(null);
        if (project == null) {
            return;
        }
        Milestone milestone = milestoneSeq == null ? null : projects.milestone(code, milestoneSeq).orElse(null);
        requireJurisdiction(project, taskKey, actor);
        duties.check(project, taskKey, actor.userId(), milestone);
    }

    /**
     * Completes {@code taskKey} of project {@code code} for {@code actor}; {@code fields} reads what
     * the user submitted. Returns the process variables to set (decision, meeting outcome).
     */
    Map<String, Object> complete(String code, String taskKey, Integer milestoneSeq, CurrentUser actor,
                                 Function<String, Object> fields) {
        Project project = projects.lock(code).orElseThrow(() -> Refusal.notFound("项目", code));
        Milestone milestone = milestoneSeq == null ? null : projects.milestone(code, milestoneSeq).orElse(null);
        requireJurisdiction(project, taskKey, actor);
        duties.check(project, taskKey, actor.userId(), milestone);
        Map<String, Object> submitted = new TreeMap<>();
        Function<String, Object> read = name -> {
            Object value = fields.apply(name);
            if (value != null) {
                submitted.put(name, value);
            }
            return value;
        };
        TaskInput input = new TaskInput(read);
        Map<String, Object> routing = new HashMap<>();
        String decision = null;
        String comment = null;
        LocalDateTime now = clock.localNow();
        switch (taskKey) {
            case Tasks.PREPARE_PROPOSAL -> {
                if (!actor.userId().equals(project.author())) {
                    throw Refusal.forbidden("NOT_AUTHOR", "只有项目申报人可以提交项目报告书 / only the author submits");
                }
                decision = "SUBMIT";
                Map<String, Object> edits = proposalEdits(project, read);
                if (!edits.isEmpty()) {
                    project = proposals.reviseFromForm(code, edits, actor);
                }
                Map<String, String> unpayable = ProposalRules.storedMilestoneProblems(projects.milestones(code));
                if (!unpayable.isEmpty()) {
                    throw Refusal.invalid(unpayable);
                }
                // the route follows the report as it stands, whatever a form sent
                routing.put(Vars.DELIVERY_MODE, project.deliveryMode());
                routing.put(Vars.MILESTONE_COUNT, projects.milestones(code).size());
                documents.projectReport(project, actor.userId());
            }
            case Tasks.RECORD_RESIDENT_MEETING -> {
                MeetingService.Meeting meeting = new MeetingService.Meeting(
                        string(read, "kind"), string(read, "mode"), integer(input, read, "eligible"),
                        integer(input, read, "present"), integer(input, read, "yes"), integer(input, read, "no"),
                        integer(input, read, "abstain"), date(input, read, "heldOn"), string(read, "minutes"));
                input.refuseIfInvalid();
                MeetingOutcome outcome = meetings.record(code, meeting, actor.userId(), revisedOn(code));
                documents.meetingResolution(project, meeting, outcome, actor.userId());
                routing.put(Vars.MEETING_OUTCOME, outcome.outcome());
                routing.put(Vars.MAY_RECONVENE, meetings.mayReconvene(code));
                decision = outcome.outcome();
            }
            case Tasks.STREET_OFFICE_REVIEW, Tasks.CIVIL_AFFAIRS_REVIEW, Tasks.FINANCE_REVIEW -> {
                decision = input.choice(Vars.DECISION, "审核意见", APPROVE, RETURN, REJECT);
                comment = input.text(Vars.COMMENT, "意见说明", COMMENT_MAX, decision != null && !APPROVE.equals(decision));
                input.refuseIfInvalid();
                if (Tasks.FINANCE_REVIEW.equals(taskKey) && APPROVE.equals(decision)) {
                    funds.reserve(project.fundCode(), project.category(), project.amount(), code, actor.userId());
                    projects.setMoney(code, project.amount(), project.disbursedAmount(), now);
                    disclosures.publish(code, Disclosures.APPROVED);
                }
                documents.reviewOpinion(project, taskKey, decision, comment, actor.userId());
            }
            case Tasks.REPORT_MILESTONE -> {
                String summary = input.text("summary", "完成情况", TEXT_MAX, true);
                String evidence = input.text("evidence", "佐证材料", COMMENT_MAX, true);
                input.refuseIfInvalid();
                projects.reportMilestone(code, milestoneSeq, summary, evidence, actor.userId(), now);
            }
            case Tasks.ACCEPT_MILESTONE -> {
                decision = input.choice(Vars.DECISION, "验收结论", APPROVE, RETURN);
                comment = input.text(Vars.COMMENT, "验收意见", COMMENT_MAX, RETURN.equals(decision));
                Integer served = APPROVE.equals(decision)
                        ? input.integer("servedParticipants", "参与验收的服务对象人数（条例第四十五条）", 1, 1_000_000) : null;
                input.refuseIfInvalid();
                projects.acceptMilestone(code, milestoneSeq, APPROVE.equals(decision) ? Milestone.ACCEPTED : Milestone.PENDING,
                        actor.userId(), now, served);
            }
            case Tasks.APPROVE_PAYMENT -> {
                decision = input.choice(Vars.DECISION, "拨付意见", APPROVE, RETURN);
                comment = input.text(Vars.COMMENT, "意见说明", COMMENT_MAX, RETURN.equals(decision));
                input.refuseIfInvalid();
                projects.approveMilestone(code, milestoneSeq, APPROVE.equals(decision) ? Milestone.APPROVED : Milestone.REPORTED,
                        actor.userId(), now);
            }
            case Tasks.FINAL_ACCEPTANCE -> finalAcceptance(code, input, now, actor.userId());
            case Tasks.AUDIT_REVIEW -> {
                decision = input.choice(Vars.DECISION, "审计结论", CLEAN, FINDINGS);
                comment = input.text("findings", "审计发现", TEXT_MAX, FINDINGS.equals(decision));
                input.refuseIfInvalid();
                documents.auditReport(project, decision, comment, actor.userId());
            }
            case Tasks.RECTIFY -> {
                comment = input.text("rectification", "整改情况", TEXT_MAX, true);
                input.refuseIfInvalid();
            }
            default -> throw new IllegalStateException("unknown task " + taskKey);
        }
        if (decision != null && !routing.containsKey(Vars.MEETING_OUTCOME)) {
            routing.put(Vars.DECISION, decision);
        }
        actions.insert(code, taskKey, milestoneSeq, actor.userId(), decision, comment, now);
        audit.append(AuditEvent.of(actor.userId(), AuditActions.TASK_COMPLETED).subject(code)
                .task(taskKey, decision, comment).details(submitted).detail("milestoneSeq", milestoneSeq));
        return routing;
    }

    /** The day the proposal was last resubmitted after a return for revision; null while it was submitted once. */
    private LocalDate revisedOn(String code) {
        List<LocalDateTime> submitted = actions.completedAt(code, Tasks.PREPARE_PROPOSAL);
        return submitted.size() < 2 ? null : submitted.get(submitted.size() - 1).toLocalDate();
    }

    /** The report's fields of prepare-proposal's form, for those filled in with another value than the report's. */
    private static Map<String, Object> proposalEdits(Project project, Function<String, Object> fields) {
        Map<String, Object> current = new java.util.LinkedHashMap<>();
        current.put("title", project.title());
        current.put("category", project.category());
        current.put("beneficiaries", project.beneficiaries());
        current.put("description", project.description());
        current.put("amount", project.amount());
        current.put("fundCode", project.fundCode());
        current.put("deliveryMode", project.deliveryMode());
        current.put("plannedStart", project.plannedStart());
        current.put("plannedEnd", project.plannedEnd());
        Map<String, Object> edits = new java.util.LinkedHashMap<>();
        current.forEach((field, value) -> {
            Object sent = fields.apply(field);
            if (sent == null || sent.toString().isBlank() || same(value, sent)) {
                return;
            }
            edits.put(field, sent);
        });
        return edits;
    }

    private static boolean same(Object current, Object sent) {
        String text = sent.toString().trim();
        if (current instanceof BigDecimal amount) {
            try {
                return amount.compareTo(new BigDecimal(text)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (current instanceof LocalDate date) {
            return text.startsWith(date.toString());
        }
        return String.valueOf(current).equals(text);
    }

    private void finalAcceptance(String code, TaskInput input, LocalDateTime now, String actor) {
        Integer respondents = input.integer("respondents", "调查人数", 1, 1_000_000);
        Integer satisfied = input.integer("satisfied", "满意人数", 0, 1_000_000);
        PerformanceWeights.Scores scores = weights.read(input);
        if (respondents != null && satisfied != null && satisfied > respondents) {
            input.problem("satisfied", "满意人数不得超过调查人数 / satisfied must not exceed respondents");
        }
        input.refuseIfInvalid();
        // 财预〔2020〕10号: the parts' points are shequ.performance.weights (10/50/30/10 by default)
        projects.setEvaluation(code, respondents, satisfied, scores.total(), scores.budgetExecution(), scores.outputs(),
                scores.outcomes(), scores.satisfaction(), now);
        documents.acceptanceReport(projects.find(code).orElseThrow(), respondents, satisfied, actor);
    }

    /**
     * Who alone does a milestone step of a project delivered by purchase of services: the contracted
     * provider's user reports (102号令 art. 26: the service is not passed on), the purchaser accepts,
     * the people served taking part (条例 art. 45). Null for other steps and other projects.
     */
    String contractParty(String code, String taskKey) {
        return switch (taskKey) {
            case Tasks.REPORT_MILESTONE -> projects.supplierOf(code);
            case Tasks.ACCEPT_MILESTONE -> projects.purchaserOf(code);
            default -> null;
        };
    }

    /** Who may act on a step: the group of the step, and the community, street or district of the project. */
    private void requireJurisdiction(Project project, String taskKey, CurrentUser actor) {
        String party = contractParty(project.code(), taskKey);
        if (party != null) {
            if (!actor.userId().equals(party)) {
                throw Tasks.REPORT_MILESTONE.equals(taskKey)
                        ? Refusal.forbidden("NOT_SUPPLIER", "本项目以政府购买服务方式实施，由合同承接主体（" + party
                                + "）报告履约情况 / the contracted provider " + party + " reports this project's milestones")
                        : Refusal.forbidden("NOT_PURCHASER", "本项目以政府购买服务方式实施，由采购人（" + party
                                + "）组织履约验收，服务对象参与（条例第四十五条）/ the purchaser " + party + " accepts the provider's work");
            }
            return;
        }
        String group = switch (taskKey) {
            case Tasks.STREET_OFFICE_REVIEW -> Groups.STREET_OFFICE;
            case Tasks.CIVIL_AFFAIRS_REVIEW -> Groups.CIVIL_AFFAIRS;
            case Tasks.FINANCE_REVIEW, Tasks.APPROVE_PAYMENT -> Groups.FINANCE;
            case Tasks.AUDIT_REVIEW -> Groups.AUDITOR;
            default -> Groups.COMMITTEE;
        };
        if (!actor.isIn(group)) {
            throw Refusal.forbidden("WRONG_GROUP", "此环节由 " + Groups.BUSINESS.get(group) + " 办理 / this step belongs to " + group);
        }
        if (Groups.COMMITTEE.equals(group)) {
            ProjectService.requireCommittee(actor, project.communityCode());
        }
        if (Groups.STREET_OFFICE.equals(group)) {
            String street = organisations.findCommunity(project.communityCode()).map(c -> c.streetCode()).orElse(null);
            if (street == null || !street.equals(actor.streetCode())) {
                throw Refusal.forbidden("OTHER_STREET", "只能审核本街道辖区内社区的项目 / only projects of your own street office");
            }
        }
    }

    private static String string(Function<String, Object> fields, String name) {
        Object value = fields.apply(name);
        return value == null ? null : value.toString();
    }

    private static Integer integer(TaskInput input, Function<String, Object> fields, String name) {
        return fields.apply(name) == null ? null : input.integer(name, name, 0, 1_000_000);
    }

    private static LocalDate date(TaskInput input, Function<String, Object> fields, String name) {
        Object value = fields.apply(name);
        if (value == null) {
            return null;
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant().atZone(ShequClock.ZONE).toLocalDate();
        }
        try {
            String text = value.toString();
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (java.time.format.DateTimeParseException e) {
            input.problem(name, name + " 须为日期，例如 2026-11-20 / must be a date");
            return null;
        }
    }
}
