package cn.shequ.task;

import java.util.Optional;

/** A kind of subject whose tasks the task list serves (service projects; purchases later): its status by code. */
public interface TaskSubjects {

    /** The subject's status, when this kind owns {@code subjectCode}. */
    Optional<String> statusOf(String subjectCode);
}
