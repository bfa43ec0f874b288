package cn.shequ.document;

import java.util.List;

/** The application's document fonts, parsed once for all tests of the JVM (as the application does). */
final class TestFonts {

    static final List<String> LOCATIONS = List.of("classpath:fonts/Roboto-Regular.ttf", "classpath:fonts/DroidSansFallback.ttf");

    private static DocumentFonts fonts;

    private TestFonts() {}

    static synchronized DocumentFonts fonts() {
        if (fonts == null) {
            fonts = DocumentFonts.load(LOCATIONS);
        }
        return fonts;
    }

    static DocumentLayout layout() {
        return new DocumentLayout(fonts(), "https://shequ.example.cn");
    }
}
