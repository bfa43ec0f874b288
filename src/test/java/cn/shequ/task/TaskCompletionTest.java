package cn.shequ.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.shequ.engine.EngineTasks;
import cn.shequ.identity.CurrentUser;
import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.refusal.Refusal;
import cn.shequ.web.HttpRefusal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Two finance users approve the same payment at the same moment: the engine of the one who loses
 * may fail in any way before its optimistic lock speaks (on H2 it met an execution already moved
 * on, a NullPointerException). What the user is told depends on whether the task was completed
 * meanwhile, not on how the engine failed.
 */
class TaskCompletionTest {

    private static final String TASK = "task-1";
    private static final CurrentUser FINANCE2 = new CurrentUser("finance2", "财务二", List.of("finance"), null);

    private final EngineTasks tasks = mock(EngineTasks.class);
    private final WorkItems items = mock(WorkItems.class);
    private final TaskCompletion completion = new TaskCompletion(tasks, items,
            org.springframework.transaction.support.TransactionOperations.withoutTransaction());

    TaskCompletionTest() {
        when(items.ofTask(TASK)).thenReturn(List.of(new WorkItem(TASK, "finance", ServiceProjectProcess.Tasks.APPROVE_PAYMENT, "审批拨付",
                "SQ-2026-0001", "C1", null, LocalDateTime.now(), null, false, null)));
        when(tasks.findForShequ(TASK)).thenReturn(Optional.of(new EngineTasks.OpenTask(TASK, ServiceProjectProcess.Tasks.APPROVE_PAYMENT, "审批拨付", "pi-1", null)));
    }

    @Test
    void anEngineFailureAfterAColleagueCompletedTheTaskIsTheirCompletionNotAnError() {
        doThrow(new NullPointerException("activityInstanceId")).when(tasks).claimAndComplete(any(), any(), anyMap());
        when(tasks.wasCompleted(TASK)).thenReturn(true);

        Refusal answer = catchThrowableOfType(Refusal.class,
                () -> completion.complete(TASK, FINANCE2, Map.of("decision", "APPROVE")));

        assertThat(HttpRefusal.status(answer)).isEqualTo(HttpStatus.CONFLICT);
        assertThat(HttpRefusal.body(answer).error()).isEqualTo("TASK_ALREADY_COMPLETED");
    }

    @Test
    void anEngineFailureWithTheTaskStillOpenIsNotPassedOffAsAConflict() {
        NullPointerException failure = new NullPointerException("a defect of ours");
        doThrow(failure).when(tasks).claimAndComplete(any(), any(), anyMap());
        when(tasks.wasCompleted(TASK)).thenReturn(false);

        Throwable answer = catchThrowableOfType(NullPointerException.class,
                () -> completion.complete(TASK, FINANCE2, Map.of("decision", "APPROVE")));

        assertThat(answer).isSameAs(failure);
    }

    @Test
    void aCompletionThatMetATimersJobOnTheSameProcessIsTriedOnceMoreAndCounts() {
        // the reminder's job changed the process at the same moment: nobody took the task, so the user is not told so
        doThrow(new OptimisticLockingException("ACT_RU_EXECUTION was updated by another transaction concurrently"))
                .doNothing().when(tasks).claimAndComplete(any(), any(), anyMap());
        when(tasks.wasCompleted(TASK)).thenReturn(false);

        String subject = completion.complete(TASK, FINANCE2, Map.of("decision", "APPROVE"));

        assertThat(subject).isEqualTo("SQ-2026-0001");
        verify(tasks, times(2)).claimAndComplete(eq(TASK), eq("finance2"), anyMap());
    }

    @Test
    void aLostLockIsTriedOnlyOnce() {
        doThrow(new OptimisticLockingException("again")).when(tasks).claimAndComplete(any(), any(), anyMap());
        when(tasks.wasCompleted(TASK)).thenReturn(false);

        Refusal answer = catchThrowableOfType(Refusal.class, () -> completion.complete(TASK, FINANCE2, Map.of("decision", "APPROVE")));

        assertThat(HttpRefusal.body(answer).error()).isEqualTo("TASK_TAKEN");
        verify(tasks, times(2)).claimAndComplete(any(), any(), anyMap());
    }

    @Test
    void aLostLockToAColleagueWhoClaimedTheTaskIsTheirsAndNotTriedAgain() {
        doThrow(new OptimisticLockingException("claimed")).when(tasks).claimAndComplete(any(), any(), anyMap());
        when(tasks.wasCompleted(TASK)).thenReturn(false);
        when(tasks.findForShequ(TASK)).thenReturn(Optional.of(new EngineTasks.OpenTask(TASK,
                ServiceProjectProcess.Tasks.APPROVE_PAYMENT, "审批拨付", "pi-1", "finance1")));

        Refusal answer = catchThrowableOfType(Refusal.class, () -> completion.complete(TASK, FINANCE2, Map.of("decision", "APPROVE")));

        assertThat(HttpRefusal.status(answer)).isEqualTo(HttpStatus.CONFLICT);
        assertThat(HttpRefusal.body(answer).error()).isEqualTo("TASK_TAKEN");
        verify(tasks, times(1)).claimAndComplete(any(), any(), anyMap());
    }

    @Test
    void insideTheCallersOwnTransactionALostLockIsNotTriedAgain() {
        doThrow(new OptimisticLockingException("job")).doNothing().when(tasks).claimAndComplete(any(), any(), anyMap());
        when(tasks.wasCompleted(TASK)).thenReturn(false);
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            Refusal answer = catchThrowableOfType(Refusal.class, () -> completion.complete(TASK, FINANCE2, Map.of("decision", "APPROVE")));

            assertThat(HttpRefusal.body(answer).error()).isEqualTo("TASK_TAKEN");
            verify(tasks, times(1)).claimAndComplete(any(), any(), anyMap());
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
    }
}
