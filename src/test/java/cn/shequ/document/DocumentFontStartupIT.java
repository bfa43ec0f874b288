package cn.shequ.document;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequ.ShequApplication;
import cn.shequ.support.OwnApplicationIT;
import cn.shequ.support.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Without its CJK font the application does not start, and says which font is missing. */
@OwnApplicationIT
class DocumentFontStartupIT {

    @TempDir
    Path dataDir;

    @Test
    void refusesToStartWhenTheDocumentFontIsMissing() {
        List<String> args = new java.util.ArrayList<>(TestDatabase.applicationArgs(dataDir.toString()));
        args.add("--shequ.documents.fonts=classpath:fonts/Roboto-Regular.ttf,/nonexistent/NotoSansSC-Regular.ttf");

        assertThatThrownBy(() -> new SpringApplicationBuilder(ShequApplication.class).run(args.toArray(String[]::new)).close())
                .rootCause()
                .hasMessageContaining("/nonexistent/NotoSansSC-Regular.ttf");
    }
}
