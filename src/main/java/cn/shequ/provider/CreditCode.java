package cn.shequ.provider;

/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character
 * alphabet (no I, O, Z, S, V); the 18th is a check character computed from the first 17 with
 * the weights 3^i mod 31.
 */
public final class CreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {}

    /** Why {@code code} is not a valid credit code, or {@code null} when it is. */
    public static String problem(String code) {
        if (code == null || code.length() != 18) {
            return "统一社会信用代码应为18位 (GB 32100-2015) / must be 18 characters";
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return "统一社会信用代码第" + (i + 1) + "位字符无效 (GB 32100-2015) / invalid character at " + (i + 1);
            }
        }
        if (checkCharacter(code.substring(0, 17)) != code.charAt(17)) {
            return "统一社会信用代码校验位错误 (GB 32100-2015) / wrong check character";
        }
        return null;
    }

    public static boolean isValid(String code) {
        return problem(code) == null;
    }

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("invalid character at " + (i + 1));
            }
            sum += value * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
