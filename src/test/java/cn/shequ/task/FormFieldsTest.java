package cn.shequ.task;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.procurement.PurchaseProcess;
import cn.shequ.project.ServiceProjectProcess;
import org.junit.jupiter.api.Test;

class FormFieldsTest {

    private final FormFields fields = new FormFields();

    @Test
    void theFieldsAreTheKeysOfTheDeployedFormAndNotItsTexts() {
        assertThat(fields.of(PurchaseProcess.Tasks.SCORE_BID)).containsExactly("bidder", "bidPrice", "bidProposal", "technicalScore");
        assertThat(fields.of(ServiceProjectProcess.Tasks.ACCEPT_MILESTONE)).contains("decision", "servedParticipants", "comment")
                .doesNotHaveDuplicates();
    }

    /** Every service-project form shows the dossier its task listener writes, and nobody submits it. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {ServiceProjectProcess.Tasks.PREPARE_PROPOSAL, ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING,
            ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, ServiceProjectProcess.Tasks.CIVIL_AFFAIRS_REVIEW, ServiceProjectProcess.Tasks.FINANCE_REVIEW, ServiceProjectProcess.Tasks.REPORT_MILESTONE, ServiceProjectProcess.Tasks.ACCEPT_MILESTONE,
            ServiceProjectProcess.Tasks.APPROVE_PAYMENT, ServiceProjectProcess.Tasks.FINAL_ACCEPTANCE, ServiceProjectProcess.Tasks.AUDIT_REVIEW, ServiceProjectProcess.Tasks.RECTIFY})
    void aServiceProjectFormShowsTheDossierAsTextNotAsAField(String form) throws java.io.IOException {
        try (java.io.InputStream in = getClass().getClassLoader().getResourceAsStream("forms/" + form + ".form")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).contains("\"text\": \"{{" + TaskLifecycle.DOSSIER + "}}\"");
        }
        assertThat(fields.of(form)).doesNotContain(TaskLifecycle.DOSSIER);
    }

    @Test
    void aTaskWithoutAFormFileHasNoFields() {
        assertThat(fields.of("no-such-task")).isEmpty();
    }
}
