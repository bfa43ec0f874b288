package cn.shequ.project;

import cn.shequ.engine.EngineTasks;
import cn.shequ.identity.Groups;
import cn.shequ.task.WorkItem;
import cn.shequ.task.WorkItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Committee tasks opened before the engine offered them per community (ProjectTaskLifecycle): at start-up
 * each is offered to its community's committee group instead of every committee, so that Tasklist lists a
 * member only their own community's tasks. Shequ's index (work_item) keeps the group and the community.
 */
@Component
class CommitteeCandidates {

    private static final Logger log = LoggerFactory.getLogger(CommitteeCandidates.class);

    private final EngineTasks tasks;
    private final WorkItems items;

    CommitteeCandidates(EngineTasks tasks, WorkItems items) {
        this.tasks = tasks;
        this.items = items;
    }

    @EventListener(ApplicationReadyEvent.class)
    void offerPerCommunity() {
        int moved = 0;
        for (String taskId : tasks.offeredTo(Groups.COMMITTEE)) {
            String community = items.ofTask(taskId).stream().map(WorkItem::communityCode).filter(c -> c != null)
                    .findFirst().orElse(null);
            if (community != null) {
                tasks.offerInstead(taskId, Groups.COMMITTEE, Groups.communityCommittee(community));
                moved++;
            }
        }
        if (moved > 0) {
            log.info("{} open committee tasks now offered to their community's committee group", moved);
        }
    }
}
