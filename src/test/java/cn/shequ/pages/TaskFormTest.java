package cn.shequ.pages;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.project.ServiceProjectProcess.Tasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The workbench's task forms are read from forms/*.form, the files Tasklist shows: every field has a Chinese label. */
class TaskFormTest {

    private final TaskForm forms = new TaskForm();

    @Test
    void theMeetingFormHasTheFieldsOfItsFileWithTheirLabelsAndLimits() {
        List<TaskForm.Field> inputs = forms.inputs(Tasks.RECORD_RESIDENT_MEETING);
        assertThat(inputs).extracting(TaskForm.Field::key)
                .containsExactly("kind", "mode", "eligible", "present", "yes", "no", "abstain", "heldOn", "minutes");
        TaskForm.Field heldOn = inputs.get(7);
        assertThat(heldOn.label()).isEqualTo("会议日期");
        assertThat(heldOn.inputType()).isEqualTo("date");
        assertThat(heldOn.required()).isTrue();
        assertThat(inputs.get(2).min()).isEqualTo(1);
        assertThat(inputs.get(8).maxLength()).isEqualTo(4000);
        assertThat(inputs.get(0).choices()).extracting(TaskForm.Choice::label).containsExactly("居民会议", "居民代表会议");
    }

    @Test
    void conditionalHintsAreLeftOutAndBoldTextIsKept() {
        List<TaskForm.Field> review = forms.of(Tasks.STREET_OFFICE_REVIEW);
        assertThat(review).filteredOn(f -> !f.input()).hasSize(1);
        assertThat(review.get(0).blocks().get(0).heading()).isTrue();
        assertThat(review.get(0).blocks()).flatExtracting(TaskForm.Block::runs)
                .anySatisfy(run -> assertThat(run.bold()).isTrue());
        assertThat(forms.inputs(Tasks.STREET_OFFICE_REVIEW)).extracting(TaskForm.Field::key).containsExactly("decision", "comment");
    }

    @Test
    void everyFieldOfEveryFormHasAChineseLabel() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path file : files.toList()) {
                String key = file.getFileName().toString().replace(".form", "");
                assertThat(forms.inputs(key)).as(key).isNotEmpty()
                        .allSatisfy(f -> assertThat(f.label()).as(key + "." + f.key()).matches(".*[\\u4e00-\\u9fff].*"));
            }
        }
    }

    @Test
    void anUnknownOrStrangeKeyHasNoForm() {
        assertThat(forms.of("no-such-task")).isEmpty();
        assertThat(forms.of("../application")).isEmpty();
    }
}
