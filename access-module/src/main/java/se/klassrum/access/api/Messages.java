package se.klassrum.access.api;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * Explanations of prerequisite checks in Swedish (the default) or English, for a teacher or an IT
 * administrator. Built only when asked, never while deciding.
 *
 * <p>The message key is {@code CODE.passed} or {@code CODE.failed}, refined by the check's
 * {@code detail} ({@code CODE.failed.archived}) when the bundle has such a key. A placeholder
 * {@code {name}} takes the argument's value, translated through the key {@code name.VALUE} when the
 * bundle has one (so {@code {kind}} with {@code ASSESSMENT} reads "omdömen").
 */
public final class Messages {

    public static final String BUNDLE = "se.klassrum.access.messages";
    public static final Locale SWEDISH = Locale.forLanguageTag("sv");

    /**
     * The value of a {@code group}, {@code school} or {@code syllabus} argument whose name the reader of the
     * explanation may not see; the messages read it as "another school", "a group at another school" and
     * "a syllabus not shown" (the keys {@code school.~withheld} and so on).
     */
    public static final String WITHHELD = "~withheld";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    public static String describe(PrerequisiteCheck check) {
        return describe(check, SWEDISH);
    }

    /** English for an English locale; Swedish for every other locale, and for null. */
    public static String describe(PrerequisiteCheck check, Locale locale) {
        ResourceBundle bundle = bundle(locale);
        String base = check.code().name() + (check.passed() ? ".passed" : ".failed");
        String detail = check.detail();
        String pattern = null;
        if (detail != null && bundle.containsKey(base + "." + detail)) {
            pattern = bundle.getString(base + "." + detail);
        } else if (bundle.containsKey(base)) {
            pattern = bundle.getString(base);
        }
        if (pattern == null) {
            throw new MissingResourceException("no message for " + base, BUNDLE, base);
        }
        return fill(pattern, check.args(), bundle);
    }

    /**
     * A failed check as told to the person it is about, who is reading their own refusal: "Du är inte kopplad till
     * …" instead of "Användaren är inte kopplad till …". A check without such a wording is described as usual.
     */
    public static String toCaller(PrerequisiteCheck check, Locale locale) {
        ResourceBundle bundle = bundle(locale);
        String base = check.code().name() + (check.passed() ? ".passed" : ".failed");
        String detail = check.detail();
        if (detail != null && bundle.containsKey(base + "." + detail)) {
            String own = base + "." + detail + ".you";
            return bundle.containsKey(own) ? fill(bundle.getString(own), check.args(), bundle) : describe(check, locale);
        }
        return bundle.containsKey(base + ".you") ? fill(bundle.getString(base + ".you"), check.args(), bundle)
                : describe(check, locale);
    }

    /**
     * What the person refused can do about a failed check ("Be skoladministratören koppla dig till ämnet …"), or
     * null when there is nothing to do but ask why.
     */
    public static String nextStep(PrerequisiteCheck check, Locale locale) {
        if (check.passed()) {
            return null;
        }
        ResourceBundle bundle = bundle(locale);
        String base = check.code().name() + ".next";
        String detail = check.detail();
        if (detail != null && bundle.containsKey(base + "." + detail)) {
            return fill(bundle.getString(base + "." + detail), check.args(), bundle);
        }
        return bundle.containsKey(base) ? fill(bundle.getString(base), check.args(), bundle) : null;
    }

    static ResourceBundle bundle(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return ResourceBundle.getBundle(BUNDLE, english ? Locale.ROOT : SWEDISH, NO_FALLBACK);
    }

    private static String fill(String pattern, Map<String, String> args, ResourceBundle bundle) {
        return fill(pattern, name -> {
            String value = args.get(name);
            if (value == null) {
                return null;
            }
            String translationKey = name + "." + value;
            return bundle.containsKey(translationKey) ? bundle.getString(translationKey) : value;
        });
    }

    /**
     * Each {@code {name}} of the pattern, once and from left to right, replaced by its value; a placeholder without
     * a value stays as it is, and what a value holds is never read as a placeholder.
     */
    public static String fill(String pattern, Function<String, String> values) {
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        int i = 0;
        while (i < pattern.length()) {
            int open = pattern.indexOf('{', i);
            int close = open < 0 ? -1 : pattern.indexOf('}', open);
            if (close < 0) {
                out.append(pattern, i, pattern.length());
                break;
            }
            out.append(pattern, i, open);
            String value = values.apply(pattern.substring(open + 1, close));
            out.append(value == null ? pattern.substring(open, close + 1) : value);
            i = close + 1;
        }
        return out.toString();
    }
}
