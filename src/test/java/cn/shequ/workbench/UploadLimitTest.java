package cn.shequ.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The 413 page for an upload over the limit was a handler of TaskPages; since the split (ADR 0056) the pages
 * that read a form of TaskPages' old addresses each have it as their own handler, found before Shell's catch-all.
 */
class UploadLimitTest {

    @Test
    void eachPageOfTaskPagesOldAddressesHasTheHandlerItself() {
        for (Class<?> pages : List.of(TaskPages.class, ProjectAttachmentPages.class, MeetingOutcomePage.class)) {
            assertThat(new ExceptionHandlerMethodResolver(pages).resolveMethodByThrowable(new MaxUploadSizeExceededException(1)))
                    .as(pages.getSimpleName()).isNotNull()
                    .satisfies(m -> assertThat(m.getName()).isEqualTo("tooLarge"));
        }
        assertThat(new ExceptionHandlerMethodResolver(ProposalPages.class)
                .resolveMethodByThrowable(new MaxUploadSizeExceededException(1))).as("a page that never had it").isNull();
    }
}
