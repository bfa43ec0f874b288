package cn.shequ.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A missing or insufficient font stops start-up with a message saying what is wrong. */
class DocumentFontsTest {

    @Test
    void aMissingFontIsNamed() {
        assertThatThrownBy(() -> DocumentFonts.load(List.of("classpath:fonts/NoSuchFont.ttf")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("classpath:fonts/NoSuchFont.ttf").hasMessageContaining("not on the classpath");
        assertThatThrownBy(() -> DocumentFonts.load(List.of("/nonexistent/font.ttf")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/nonexistent/font.ttf");
    }

    @Test
    void aLatinFontAloneIsRefusedForTheChineseItLacks() {
        assertThatThrownBy(() -> DocumentFonts.load(List.of("classpath:fonts/Roboto-Regular.ttf")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no glyph for").hasMessageContaining("第页共");
    }

    @Test
    void latinComesFromTheFirstFontAndChineseFromTheFallback() {
        DocumentFonts fonts = TestFonts.fonts();

        assertThat(fonts.faces().get(fonts.faceOf('S')).location()).endsWith("Roboto-Regular.ttf");
        assertThat(fonts.faces().get(fonts.faceOf('湖')).location()).endsWith("DroidSansFallback.ttf");
        assertThat(fonts.faces().get(fonts.faceOf('〔')).location()).endsWith("DroidSansFallback.ttf");
    }
}
