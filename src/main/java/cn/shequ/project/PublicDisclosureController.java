package cn.shequ.project;

import cn.shequ.fund.MilestonePayments;
import cn.shequ.fund.Money;
import cn.shequ.identity.OrganisationMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
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
    private final OrganisationMapper organisations;

    PublicDisclosureController(Disclosures disclosures, ProjectService projects, MilestonePayments payments,
                               OrganisationMapper organisations) {
        this.disclosures = disclosures;
        this.projects = projects;
        this.payments = payments;
        this.organisations = organisations;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PaymentView(int milestoneSeq, String milestone, String amount, String paidOn) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DisclosedProject(String code, String title, String community, String category, String approvedAmount,
                            String disbursed, String status, List<PaymentView> payments, String grade,
                            Integer respondents, Integer satisfied, List<String> disclosures) {}

    @GetMapping("/public/projects")
    List<DisclosedProject> disclosed() {
        return disclosures.disclosedProjects().stream()
                .map(code -> projects.find(code).orElseThrow())
                .map(this::view)
                .toList();
    }

    private DisclosedProject view(Project p) {
        List<PaymentView> paid = projects.milestones(p.code()).stream()
                .flatMap(m -> payments.find(p.code(), m.seq()).stream()
                        .map(pay -> new PaymentView(m.seq(), m.name(), Money.format(pay.amount()),
                                pay.paidAt().toLocalDate().toString())))
                .toList();
        String community = organisations.findCommunity(p.communityCode()).map(c -> c.name()).orElse(p.communityCode());
        return new DisclosedProject(p.code(), p.title(), community, p.category(), Money.format(p.amount()),
                Money.format(p.disbursedAmount()), p.status(), paid, p.grade(), p.respondents(), p.satisfied(),
                disclosures.kinds(p.code()));
    }
}
