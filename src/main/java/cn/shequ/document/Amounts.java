package cn.shequ.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Yuan amounts as documents print them: 12,345.00 and, on vouchers, in capitals (人民币壹万贰仟叁佰肆拾伍元整). */
public final class Amounts {

    private static final String CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] SMALL_UNITS = {"", "拾", "佰", "仟"};
    private static final String[] BIG_UNITS = {"", "万", "亿"};

    private Amounts() {}

    /** 12,345.00 */
    public static String format(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(amount.setScale(2, RoundingMode.UNNECESSARY));
    }

    /** {@code part} as a percentage of {@code whole} with one decimal (87.5%), or — when {@code whole} is zero. */
    public static String percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return "—";
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP) + "%";
    }

    /** ¥12,345.00 */
    public static String yuan(BigDecimal amount) {
        return "¥" + format(amount);
    }

    /**
     * The amount in capital numerals as vouchers require (大写金额): 壹万贰仟叁佰肆拾伍元整,
     * 叁拾万零伍佰元零伍分. From 0.00 up to 999,999,999,999.99.
     */
    public static String capitals(BigDecimal amount) {
        BigDecimal scaled = amount.setScale(2, RoundingMode.UNNECESSARY);
        if (scaled.signum() < 0 || scaled.compareTo(new BigDecimal("999999999999.99")) > 0) {
            throw new IllegalArgumentException("amount out of range: " + amount);
        }
        long cents = scaled.movePointRight(2).longValueExact();
        long yuan = cents / 100;
        int jiao = (int) (cents / 10 % 10);
        int fen = (int) (cents % 10);
        StringBuilder out = new StringBuilder();
        if (yuan > 0) {
            out.append(integer(yuan)).append('元');
        }
        if (jiao == 0 && fen == 0) {
            return (yuan == 0 ? "零元" : out.toString()) + "整";
        }
        if (jiao > 0) {
            out.append(CAPITAL_DIGITS.charAt(jiao)).append('角');
        } else if (yuan > 0) {
            out.append('零');
        }
        if (fen > 0) {
            out.append(CAPITAL_DIGITS.charAt(fen)).append('分');
        } else {
            out.append('整');
        }
        return out.toString();
    }

    /** A positive integer in capitals, groups of four digits under 万 and 亿, zeros collapsed. */
    private static String integer(long value) {
        StringBuilder out = new StringBuilder();
        boolean pendingZero = false;
        int groups = (int) Math.ceil(Long.toString(value).length() / 4.0);
        for (int g = groups - 1; g >= 0; g--) {
            int group = (int) (value / pow10(4 * g) % 10000);
            if (group == 0) {
                pendingZero = out.length() > 0;
                continue;
            }
            if (out.length() > 0 && (pendingZero || group < 1000)) {
                out.append('零');
            }
            pendingZero = false;
            out.append(group(group)).append(BIG_UNITS[g]);
        }
        return out.toString();
    }

    private static String group(int group) {
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int i = 3; i >= 0; i--) {
            int digit = group / (int) pow10(i) % 10;
            if (digit == 0) {
                zero = out.length() > 0;
            } else {
                if (zero) {
                    out.append('零');
                    zero = false;
                }
                out.append(CAPITAL_DIGITS.charAt(digit)).append(SMALL_UNITS[i]);
            }
        }
        return out.toString();
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
