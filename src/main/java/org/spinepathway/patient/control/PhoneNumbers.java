package org.spinepathway.patient.control;

import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers as people type them ("07400 123456", "+44 7400 123456", "(020) 7946 0018"), checked
 * against Google's libphonenumber metadata and turned into E.164 ("+447400123456"), the one form the
 * clinic stores, dials from and exports. A number without a country code is read as a number of the
 * clinic's country ({@code clinic.phone.default-region}).
 *
 * <p>A number must be valid, not merely possible: the clinic has to reach this person when a red flag
 * is found, and a number that no network routes is no way to reach anyone.
 */
public final class PhoneNumbers {

    /** Longer input than any written phone number, with spaces and punctuation, needs. */
    static final int MAX_INPUT_LENGTH = 40;

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    /** @param defaultRegion ISO 3166 region code (such as "GB") that numbers without a country code belong to */
    public PhoneNumbers(String defaultRegion) {
        String region = defaultRegion == null ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("clinic.phone.default-region: \"" + defaultRegion
                    + "\" is not a region libphonenumber knows; use an ISO 3166 code such as GB");
        }
        this.defaultRegion = region;
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /** Why a number was refused; {@code region} names the country the number was read as, when there is one. */
    public enum Refusal {
        /** Letters, or too few digits to be any phone number. */
        NOT_A_NUMBER,
        /** "+" and a country code no country has. */
        UNKNOWN_COUNTRY_CODE,
        /** Longer than any number of its country (or than any written number). */
        TOO_LONG,
        /** Shaped like a number, but not one the country's numbering plan gives out. */
        NOT_VALID_FOR_REGION
    }

    /** The outcome: {@code e164} when accepted, else {@code refusal} (and the region it was read for). */
    public record Result(String e164, Refusal refusal, String region) {

        static Result accepted(String e164) {
            return new Result(e164, null, null);
        }

        static Result refused(Refusal refusal, String region) {
            return new Result(null, refusal, region);
        }

        public boolean isValid() {
            return e164 != null;
        }

        /** The region's name in English ("United Kingdom"), for messages. */
        public String regionName() {
            return region == null ? null : new Locale("", region).getDisplayCountry(Locale.ENGLISH);
        }
    }

    /** Nothing typed (null or blank) is empty; anything else is checked. */
    public Optional<Result> parseIfPresent(String typed) {
        return typed == null || typed.isBlank() ? Optional.empty() : Optional.of(parse(typed));
    }

    /** The number in E.164 form, or why it cannot be one; {@code typed} is not blank. */
    public Result parse(String typed) {
        String input = typed.strip();
        if (input.length() > MAX_INPUT_LENGTH) {
            return Result.refused(Refusal.TOO_LONG, null);
        }
        // libphonenumber would read letters as a keypad (0800 FLOWERS); a mobile number is never
        // written so, and a letter is far more often a slip that would store someone else's number.
        if (input.codePoints().anyMatch(Character::isLetter)) {
            return Result.refused(Refusal.NOT_A_NUMBER, null);
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(input, defaultRegion);
        } catch (NumberParseException e) {
            return Result.refused(switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> Refusal.UNKNOWN_COUNTRY_CODE;
                case TOO_LONG -> Refusal.TOO_LONG;
                default -> Refusal.NOT_A_NUMBER;
            }, null);
        }
        if (UTIL.isValidNumber(number)) {
            return Result.accepted(UTIL.format(number, PhoneNumberFormat.E164));
        }
        String region = UTIL.getRegionCodeForCountryCode(number.getCountryCode());
        if ("ZZ".equals(region)) {
            return Result.refused(Refusal.UNKNOWN_COUNTRY_CODE, null);
        }
        // "001": a country code shared by no single country (satellite, international services).
        String readAs = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region) ? null : region;
        if (UTIL.isPossibleNumberWithReason(number) == PhoneNumberUtil.ValidationResult.TOO_LONG) {
            return Result.refused(Refusal.TOO_LONG, readAs);
        }
        return Result.refused(Refusal.NOT_VALID_FOR_REGION, readAs);
    }
}
