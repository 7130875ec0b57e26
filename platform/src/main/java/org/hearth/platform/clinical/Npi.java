package org.hearth.platform.clinical;

/**
 * A US National Provider Identifier: ten digits whose last is a Luhn check digit computed with the prefix
 * 80840 (the NPI's ISO issuer prefix). Catches most typos before a referral reaches a coordinator or a claim a payer.
 * The one NPI check of every service: referrals, care teams and billing files use it (directly or as {@link ValidNpi}).
 */
public final class Npi {

    private Npi() {}

    public static boolean isValid(String npi) {
        if (npi == null || !npi.matches("[12][0-9]{9}")) {
            return false;
        }
        String digits = "80840" + npi;
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
