package cn.shequ.procurement;

import cn.shequ.calendar.DeadlineMove;
import cn.shequ.calendar.OfficialCalendarListener;
import cn.shequ.engine.EngineJobs;
import cn.shequ.engine.EngineProcesses;
import cn.shequ.engine.EngineTasks;
import cn.shequ.engine.ShequClock;
import cn.shequ.procurement.PurchaseProcess.Elements;
import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseProcess.Vars;
import cn.shequ.procurement.bidding.BidPeriods;
import cn.shequ.procurement.challenge.ChallengeMapper;
import cn.shequ.procurement.contract.ContractMapper;
import cn.shequ.task.WorkItem;
import cn.shequ.task.WorkItems;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * After a year's official calendar is loaded, the open deadlines of purchases are counted again: the
 * bid deadline's timer (bids near a provisional minimum were received longer), the challenge deadline
 * and the challenge-period timer, the answers to challenges, the contract's signing and publication;
 * each task's due date, timer and index row move together.
 */
@Component
class PurchaseDeadlineRecalculation implements OfficialCalendarListener {

    private final ProcurementMapper procurements;
    private final ContractMapper contracts;
    private final ChallengeMapper challenges;
    private final ProcurementDeadlines deadlines;
    private final BidPeriods periods;
    private final EngineTasks tasks;
    private final EngineJobs jobs;
    private final EngineProcesses processes;
    private final WorkItems workItems;
    private final ShequClock clock;

    PurchaseDeadlineRecalculation(ProcurementMapper procurements, ContractMapper contracts, ChallengeMapper challenges,
                                  ProcurementDeadlines deadlines, BidPeriods periods, EngineTasks tasks, EngineJobs jobs,
                                  EngineProcesses processes, WorkItems workItems, ShequClock clock) {
        this.procurements = procurements;
        this.contracts = contracts;
        this.challenges = challenges;
        this.deadlines = deadlines;
        this.periods = periods;
        this.tasks = tasks;
        this.jobs = jobs;
        this.processes = processes;
        this.workItems = workItems;
        this.clock = clock;
    }

    @Override
    public List<DeadlineMove> officialCalendarLoaded(int year) {
        List<DeadlineMove> moves = new ArrayList<>();
        for (Procurement p : procurements.search(ProcurementStatus.BIDDING.name())) {
            LocalDateTime until = periods.acceptedUntil(p);
            if (until != null && p.processInstanceId() != null) {
                moveTimer(moves, p, "bidsReceivedUntil", Elements.BID_DEADLINE, until);
                processes.setVariables(p.processInstanceId(), Map.of(Vars.BID_DEADLINE, ProcurementDeadlines.date(until)));
            }
        }
        for (Procurement p : procurements.search(ProcurementStatus.CHALLENGE_PERIOD.name())) {
            if (p.awardNoticeOn() == null || p.challengeDeadline() == null || p.processInstanceId() == null) {
                continue;
            }
            LocalDateTime deadline = deadlines.challengeDeadline(p.awardNoticeOn());
            if (!deadline.equals(p.challengeDeadline())) {
                procurements.setChallengeDeadline(p.code(), deadline, clock.localNow());
                moves.add(new DeadlineMove(p.code(), "challengeDeadline", null, p.challengeDeadline(), deadline));
            }
            LocalDateTime until = deadlines.challengesAcceptedUntil(p.awardNoticeOn(), deadline);
            moveTimer(moves, p, "challengesReceivedUntil", Elements.CHALLENGE_PERIOD_ENDS, until);
            processes.setVariables(p.processInstanceId(), Map.of(Vars.CHALLENGE_DEADLINE, ProcurementDeadlines.date(until)));
        }
        for (EngineTasks.DueTask task : tasks.openTasksWithKeys(Tasks.ANSWER_CHALLENGE)) {
            challenges.byTask(task.id()).ifPresent(c -> {
                LocalDateTime due = deadlines.challengeAnswerDue(c.filedAt().toLocalDate());
                if (!due.equals(c.answerDue())) {
                    challenges.setAnswerDue(c.id(), due);
                }
                moveTask(moves, c.procurementCode(), task, due, Elements.ANSWER_CHALLENGE_DUE);
            });
        }
        for (EngineTasks.DueTask task : tasks.openTasksWithKeys(Tasks.SIGN_CONTRACT)) {
            procurement(task).filter(p -> p.awardNoticeOn() != null).ifPresent(p -> {
                LocalDateTime due = ProcurementDeadlines.endOf(deadlines.contractDue(p.awardNoticeOn()));
                if (moveTask(moves, p.code(), task, due, Elements.SIGN_CONTRACT_DUE)) {
                    processes.setVariables(task.processInstanceId(), Map.of(Vars.CONTRACT_DUE, ProcurementDeadlines.date(due)));
                }
            });
        }
        for (EngineTasks.DueTask task : tasks.openTasksWithKeys(Tasks.PUBLISH_CONTRACT)) {
            procurement(task).flatMap(p -> contracts.ofProcurement(p.code())).ifPresent(c -> {
                LocalDate due = deadlines.publishDue(c.signedOn());
                if (!due.equals(c.publishDue())) {
                    contracts.setPublishDue(c.procurementCode(), due);
                }
                if (moveTask(moves, c.procurementCode(), task, ProcurementDeadlines.endOf(due), null)) {
                    processes.setVariables(task.processInstanceId(),
                            Map.of(Vars.PUBLISH_DUE, ProcurementDeadlines.date(ProcurementDeadlines.endOf(due))));
                }
            });
        }
        return moves;
    }

    private void moveTimer(List<DeadlineMove> moves, Procurement p, String what, String timer, LocalDateTime at) {
        Date due = ProcurementDeadlines.date(at);
        jobs.moveTimer(p.processInstanceId(), timer, due).filter(before -> !before.equals(due))
                .ifPresent(before -> moves.add(new DeadlineMove(p.code(), what, null, local(before), at)));
    }

    /** Moves a task's due date, its timer (if any) and its index row; whether the due date changed. */
    private boolean moveTask(List<DeadlineMove> moves, String code, EngineTasks.DueTask task, LocalDateTime at, String timer) {
        Date due = ProcurementDeadlines.date(at);
        if (timer != null) {
            jobs.moveTimer(task.processInstanceId(), timer, due);
        }
        if (task.due() == null || due.equals(task.due())) {
            return false;
        }
        tasks.moveDue(task.id(), due);
        workItems.dueMoved(task.id(), due);
        moves.add(new DeadlineMove(code, task.key(), task.id(), local(task.due()), at));
        return true;
    }

    private Optional<Procurement> procurement(EngineTasks.DueTask task) {
        return workItems.ofTask(task.id()).stream().map(WorkItem::subjectCode).findFirst().flatMap(procurements::find);
    }

    private static LocalDateTime local(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), ShequClock.ZONE);
    }
}
