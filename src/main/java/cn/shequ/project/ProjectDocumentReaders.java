package cn.shequ.project;

import cn.shequ.document.SubjectReaders;
import cn.shequ.identity.CurrentUser;
import cn.shequ.refusal.Refusal;
import org.springframework.stereotype.Component;

/** A service project's documents are as open as the project: its community's committee and the officials. */
@Component
class ProjectDocumentReaders implements SubjectReaders {

    private final ProjectService projects;

    ProjectDocumentReaders(ProjectService projects) {
        this.projects = projects;
    }

    @Override
    public boolean owns(String subjectCode) {
        return subjectCode.startsWith(ProjectCodes.PREFIX + "-");
    }

    @Override
    public void requireReader(CurrentUser user, String subjectCode) {
        Project project = projects.find(subjectCode).orElseThrow(() -> Refusal.notFound("项目", subjectCode));
        ProjectController.requireReader(user, project);
    }
}
