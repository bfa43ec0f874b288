package cn.shequ.auditor.workspace;

import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.refusal.Refusal;
import org.springframework.stereotype.Component;

/** The workspace is the auditor group's (DESIGN.md "Who uses it": auditors read everything). */
@Component
class Auditors {

    private final CurrentUsers users;

    Auditors(CurrentUsers users) {
        this.users = users;
    }

    CurrentUser require() {
        CurrentUser user = users.current();
        if (!user.isIn(Groups.AUDITOR)) {
            throw Refusal.forbidden("AUDITORS_ONLY", "只有审计人员可以使用审计工作台 / auditors only");
        }
        return user;
    }
}
