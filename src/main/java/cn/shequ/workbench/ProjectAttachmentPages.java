package cn.shequ.workbench;

import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.pages.Once;
import cn.shequ.project.Project;
import cn.shequ.refusal.Refusal;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A service project's attachments in the workbench: a file attached from its page or a task, and its download. */
@Controller
class ProjectAttachmentPages implements UploadLimit {

    private final CurrentUsers users;
    private final Dossier dossier;
    private final Attachments attachments;

    ProjectAttachmentPages(CurrentUsers users, Dossier dossier, Attachments attachments) {
        this.users = users;
        this.dossier = dossier;
        this.attachments = attachments;
    }

    @PostMapping("/workbench/projects/{code}/attachments")
    String attach(@PathVariable String code, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "") String purpose, @RequestParam(required = false) Integer milestoneSeq,
                  @RequestParam(defaultValue = "") String back,
                  @RequestParam(name = Once.PARAMETER, required = false) String once, HttpSession session,
                  RedirectAttributes redirect) {
        CurrentUser user = users.current();
        Project project = dossier.readable(user, code);
        String to = back.matches("[0-9a-f-]{1,64}") ? "redirect:/workbench/tasks/" + back : "redirect:/workbench/projects/" + code;
        return Once.run(session, once, () -> {
            AttachedFile.upload(file, redirect,
                    (name, content) -> attachments.add(project, purpose, milestoneSeq, name, content, user).fileName());
            return to;
        });
    }

    @GetMapping("/workbench/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        CurrentUser user = users.current();
        AttachmentMapper.AttachmentRow row = attachments.find(id).orElseThrow(() -> Refusal.notFound("附件", Long.toString(id)));
        dossier.readable(user, row.projectCode());
        return AttachedFile.download(row.fileName(), row.contentType(), attachments.content(id));
    }
}
