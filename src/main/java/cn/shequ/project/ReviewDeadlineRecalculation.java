package cn.shequ.project;

import cn.shequ.calendar.DeadlineMove;
import cn.shequ.calendar.OfficialCalendarListener;
import cn.shequ.engine.EngineJobs;
import cn.shequ.engine.EngineTasks;
import cn.shequ.engine.ShequClock;
import cn.shequ.project.ServiceProjectProcess.Elements;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.task.WorkItem;
import cn.shequ.task.WorkItems;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * After a year's official calendar is loaded: each open review (street office, civil affairs,
 * finance) gets its due date counted again from the day it started, and its escalation timer
 * (the non-interrupting boundary timer, due with the task) moves with it.
 */
@Component
class ReviewDeadlineRecalculation implements OfficialCalendarListener {

    private static final Map<String, String> TIMER_OF_TASK = Map.of(
            Tasks.STREET_OFFICE_REVIEW, Elements.STREET_OFFICE_REVIEW_DUE,
            Tasks.CIVIL_AFFAIRS_REVIEW, Elements.CIVIL_AFFAIRS_REVIEW_DUE,
            Tasks.FINANCE_REVIEW, Elements.FINANCE_REVIEW_DUE);

    private final ReviewDeadlines deadlines;
    private final EngineTasks tasks;
    private final EngineJobs jobs;
    private final WorkItems workItems;

    ReviewDeadlineRecalculation(ReviewDeadlines deadlines, EngineTasks tasks, EngineJobs jobs, WorkItems workItems) {
        this.deadlines = deadlines;
        this.tasks = tasks;
        this.jobs = jobs;
        this.workItems = workItems;
    }

    @Override
    public List<DeadlineMove> officialCalendarLoaded(int year) {
        List<DeadlineMove> moves = new ArrayList<>();
        for (EngineTasks.DueTask task : tasks.openTasksWithKeys(TIMER_OF_TASK.keySet().toArray(String[]::new))) {
            if (task.due() == null) {
                continue;
            }
            LocalDate started = local(task.created()).toLocalDate();
            Date due = deadlines.dueFrom(started);
            // the timer: moved when it still waits, whether or not the task's due date changes
            jobs.moveTimer(task.processInstanceId(), TIMER_OF_TASK.get(task.key()), due);
            if (due.equals(task.due())) {
                continue;
            }
            tasks.moveDue(task.id(), due);
            workItems.dueMoved(task.id(), due);
            String subject = workItems.ofTask(task.id()).stream().map(WorkItem::subjectCode).findFirst().orElse(null);
            moves.add(new DeadlineMove(subject, task.key(), task.id(), local(task.due()), local(due)));
        }
        return moves;
    }

    private static LocalDateTime local(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), ShequClock.ZONE);
    }
}
