package cn.shequ.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormFieldsTest {

    private final FormFields fields = new FormFields();

    @Test
    void theFieldsAreTheKeysOfTheDeployedFormAndNotItsTexts() {
        assertThat(fields.of("score-bid")).containsExactly("bidder", "bidPrice", "bidProposal", "technicalScore");
        assertThat(fields.of("accept-milestone")).contains("decision", "servedParticipants", "comment")
                .doesNotHaveDuplicates();
    }

    /** Every service-project form shows the dossier its task listener writes, and nobody submits it. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"prepare-proposal", "record-resident-meeting",
            "street-office-review", "civil-affairs-review", "finance-review", "report-milestone", "accept-milestone",
            "approve-payment", "final-acceptance", "audit-review", "rectify"})
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
