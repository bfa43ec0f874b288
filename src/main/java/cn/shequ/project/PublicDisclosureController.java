package cn.shequ.project;

import cn.shequ.fund.MilestonePayments;
import cn.shequ.fund.Money;
import cn.shequ.identity.Communities;
import cn.shequ.web.Csv;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 居务公开 without login (居委会法 art. 16): each disclosed project's approved amount, its
 * payments and, once accepted, its grade.
 */
@RestController
class PublicDisclosureController {

    private final Disclosures disclosures;
    private final ProjectService projects;
    private final MilestonePayments payments;
    private final Communities communities;
    private final ProjectMapper categories;

    PublicDisclosureController(Disclosures disclosures, ProjectService projects, MilestonePayments payments,
                               Communities communities, ProjectMapper categories) {
        this.categories = categories;
        this.disclosures = disclosures;
        this.projects = projects;
        this.payments = payments;
        this.communities = communities;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PaymentView(int milestoneSeq, String milestone, String amount, String paidOn) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DisclosedProject(String code, String title, String community, String communityCode, String category,
                            String categoryName, String approvedAmount,
                            String disbursed, String status, List<PaymentView> payments, String grade,
                            Integer respondents, Integer satisfied, List<String> disclosures) {}

    @GetMapping("/public/projects")
    List<DisclosedProject> disclosed() {
        return disclosures.disclosedProjects().stream()
                .map(code -> projects.find(code).orElseThrow())
                .map(this::view)
                .toList();
    }

    /** The same table as CSV (open data), optionally of one community. */
    @GetMapping("/public/projects.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String communityCode) {
        Csv csv = new Csv(List.of("项目编号", "项目名称", "社区", "类别", "批准金额（元）", "已拨付（元）", "状态", "绩效等级",
                "满意度调查人数", "满意人数", "拨付明细"));
        for (DisclosedProject p : disclosed()) {
            if (communityCode == null || communityCode.equals(p.communityCode())) {
                csv.row(List.of(p.code(), p.title(), p.community(), p.categoryName() == null ? p.category() : p.categoryName(),
                        p.approvedAmount(), p.disbursed(), p.status(), p.grade() == null ? "" : p.grade(),
                        p.respondents() == null ? "" : p.respondents(), p.satisfied() == null ? "" : p.satisfied(),
                        String.join("；", p.payments().stream().map(x -> "第" + x.milestoneSeq() + "期 " + x.milestone() + " "
                                + x.amount() + " 元（" + x.paidOn() + "）").toList())));
            }
        }
        return csv.download(communityCode == null ? "projects.csv" : "projects-" + communityCode + ".csv");
    }

    private DisclosedProject view(Project p) {
        List<PaymentView> paid = projects.milestones(p.code()).stream()
                .flatMap(m -> payments.find(p.code(), m.seq()).stream()
                        .map(pay -> new PaymentView(m.seq(), m.name(), Money.format(pay.amount()),
                                pay.paidAt().toLocalDate().toString())))
                .toList();
        String community = communities.find(p.communityCode()).map(c -> c.name()).orElse(p.communityCode());
        return new DisclosedProject(p.code(), p.title(), community, p.communityCode(), p.category(),
                categories.categoryName(p.category()), Money.format(p.amount()),
                Money.format(p.disbursedAmount()), p.status(), paid, p.grade(), p.respondents(), p.satisfied(),
                disclosures.kinds(p.code()));
    }
}
