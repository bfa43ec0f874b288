package cn.shequ.project;

import org.springframework.stereotype.Component;

/** Codes such as SP-2026-0001: a yearly sequence, taken under a row lock so two creators never share one. */
@Component
class ProjectCodes {

    static final String PREFIX = "SP";

    private final ProjectMapper projects;

    ProjectCodes(ProjectMapper projects) {
        this.projects = projects;
    }

    /** Must run inside the transaction that inserts the project. */
    String next(int year) {
        Integer last = projects.lockSequence(PREFIX, year);
        int next = last == null ? 1 : last + 1;
        if (last == null) {
            projects.insertSequence(PREFIX, year, next);
        } else {
            projects.updateSequence(PREFIX, year, next);
        }
        return "%s-%d-%04d".formatted(PREFIX, year, next);
    }
}
