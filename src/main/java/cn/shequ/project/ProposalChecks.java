package cn.shequ.project;

import cn.shequ.fund.FundLedger;
import cn.shequ.identity.Communities;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.refusal.Refusal;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who may write a project report, and the report checked before it is stored: {@link ProposalRules}, then its
 * category, community and fund against the tables.
 */
@Component
class ProposalChecks {

    private final ProjectMapper projects;
    private final Communities communities;
    private final FundLedger funds;

    ProposalChecks(ProjectMapper projects, Communities communities, FundLedger funds) {
        this.projects = projects;
        this.communities = communities;
        this.funds = funds;
    }

    /** Throws the problems of {@code request} by field; none: it may be stored. */
    void validate(ProjectRequest request) {
        Map<String, String> problems = ProposalRules.problems(request);
        if (!problems.containsKey("category") && projects.countCategory(request.category()) == 0) {
            problems.put("category", "未知的服务类别 / unknown category: " + request.category());
        }
        if (!problems.containsKey("communityCode") && communities.find(request.communityCode()).isEmpty()) {
            problems.put("communityCode", "未知的社区 / unknown community: " + request.communityCode());
        }
        if (!problems.containsKey("fundCode") && funds.find(request.fundCode()).isEmpty()) {
            problems.put("fundCode", "未知的资金 / unknown fund: " + request.fundCode());
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
    }

    /** Only a committee member of the project's community writes, submits or withdraws its report. */
    static void requireCommittee(CurrentUser user, String communityCode) {
        if (!user.isIn(Groups.COMMITTEE)) {
            throw Refusal.forbidden("FORBIDDEN", "只有社区居委会成员可以办理 / committee members only");
        }
        if (communityCode != null && !communityCode.equals(user.communityCode())) {
            throw Refusal.forbidden("OTHER_COMMUNITY", "居委会成员只能为本社区办理 / a committee member acts only for "
                    + "their own community (" + user.communityCode() + ")");
        }
    }
}
