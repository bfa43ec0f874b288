package cn.shequ.calendar;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Finds the per-year calendar files on the classpath and parses each; the year a file covers
 * is its name ({@code 2026.properties}), so a file can only ever speak for one year.
 */
final class CalendarFiles {

    private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.properties");

    private CalendarFiles() {
    }

    static List<YearCalendar> load(ResourcePatternResolver resolver, String locationPattern) {
        Resource[] resources;
        try {
            resources = resolver.getResources(locationPattern);
        } catch (IOException e) {
            throw new MalformedCalendarFileException(locationPattern, e.getMessage(), e);
        }
        if (resources.length == 0) {
            // No file at all means a packaging mistake; every deadline would fail later anyway.
            throw new MalformedCalendarFileException(locationPattern, 0, "no calendar file found");
        }
        List<YearCalendar> years = new ArrayList<>();
        for (Resource resource : resources) {
            years.add(load(resource));
        }
        return years;
    }

    private static YearCalendar load(Resource resource) {
        String source = resource.getDescription();
        String name = resource.getFilename();
        Matcher matcher = YEAR_FILE.matcher(name == null ? "" : name);
        if (!matcher.matches()) {
            throw new MalformedCalendarFileException(source, 0,
                    "file name must be the year it covers, e.g. 2026.properties");
        }
        int year = Integer.parseInt(matcher.group(1));
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return CalendarFileParser.parse(source, year, reader);
        } catch (IOException e) {
            throw new MalformedCalendarFileException(source, e.getMessage(), e);
        }
    }
}
