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

    @Test
    void aTaskWithoutAFormFileHasNoFields() {
        assertThat(fields.of("no-such-task")).isEmpty();
    }
}
