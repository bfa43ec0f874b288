package cn.shequ.document;

import java.time.LocalDate;

/** Dates as official documents write them: 二〇二六年十一月二十七日 (signature line) or 2026年3月1日 (in the text). */
public final class ChineseDates {

    private static final String DIGITS = "〇一二三四五六七八九";

    private ChineseDates() {}

    /** The date of a signature or seal block, every digit in Chinese: 二〇二六年十一月二十七日. */
    public static String written(LocalDate date) {
        StringBuilder out = new StringBuilder();
        String year = Integer.toString(date.getYear());
        for (int i = 0; i < year.length(); i++) {
            out.append(DIGITS.charAt(year.charAt(i) - '0'));
        }
        return out.append('年').append(number(date.getMonthValue())).append('月')
                .append(number(date.getDayOfMonth())).append('日').toString();
    }

    /** A date in running text and tables: 2026年3月1日. */
    public static String numeric(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** 1–99 in Chinese numerals: 三, 十, 十一, 二十, 三十一. */
    static String number(int n) {
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("1..99: " + n);
        }
        int tens = n / 10;
        int ones = n % 10;
        StringBuilder out = new StringBuilder();
        if (tens > 1) {
            out.append(DIGITS.charAt(tens));
        }
        if (tens > 0) {
            out.append('十');
        }
        if (ones > 0) {
            out.append(DIGITS.charAt(ones));
        }
        return out.toString();
    }
}
