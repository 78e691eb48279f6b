package se.klassrum.web.audit;

import se.klassrum.access.api.ApplicationPermissions;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.Messages;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.Prerequisite;
import se.klassrum.access.api.PrerequisiteCheck;
import se.klassrum.roster.boundary.AuditNames.GroupName;
import se.klassrum.roster.boundary.AuditNames.PersonName;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The audit log as an administrator reads it: "Anna Andersson läste Elsas omdömen · tillåtet", with labels for
 * the action and the outcome in Swedish (the default) or English, and a refusal's reasons as the explanation texts
 * phrase them ({@link Messages}). Names come resolved ({@code AuditNames}); this class only words them.
 */
public final class AuditSentences {

    static final String BUNDLE = "se.klassrum.web.audit.sentences";

    /**
     * Which wording of a prerequisite's failure fits a student-level question, where no group names the school
     * in question: the same details the explanations use for it.
     */
    private static final Map<Prerequisite, String> WITHOUT_GROUP = Map.of(
            Prerequisite.STUDENT_AT_SCHOOL, "noSchool",
            Prerequisite.ROLE_TEACHER, "noSchool",
            Prerequisite.ROLE_MENTOR, "noSchool",
            Prerequisite.ROLE_STUDENT, "noSchool",
            Prerequisite.CHILD_HAS_ROLE_AT_SCHOOL, "noSchool",
            Prerequisite.SYLLABUS_LINKED, "noGroup",
            Prerequisite.TEACHER_SUBJECT, "noGroup",
            Prerequisite.MEMBER_OF_LINKED_GROUP, "own");

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle texts;

    /** English for an English locale; Swedish for every other locale, and for null. */
    public AuditSentences(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        this.locale = english ? Locale.ENGLISH : Messages.SWEDISH;
        this.texts = ResourceBundle.getBundle(BUNDLE, english ? Locale.ROOT : Messages.SWEDISH, NO_FALLBACK);
    }

    public Locale locale() {
        return locale;
    }

    /** Who asked, as the log may name them: a person's name, masked when protected, an application, or nobody. */
    public String actor(String actorKind, String actorId, PersonName name) {
        if ("ANONYMOUS".equals(actorKind) || actorId == null || actorId.isBlank()) {
            return text("actor.anonymous");
        }
        if ("APPLICATION".equals(actorKind)) {
            return new MessageFormat(text("actor.application"), locale).format(new Object[] {actorId});
        }
        if (name == null) {
            return actorId;
        }
        return name.masked() ? text("actor.protected") : name.full();
    }

    /**
     * The entry as a sentence, without its outcome.
     *
     * @param student the student's given name, or null when the log may not name them
     */
    public String sentence(String purpose, String actor, String student, String kind, String operation, boolean allowed) {
        Map<String, String> values = new HashMap<>();
        values.put("actor", actor);
        values.put("student", student == null ? text("student.unnamed") : possessive(student));
        values.put("studentName", student == null ? text("student.unnamedPlain") : student);
        values.put("kind", optional("kind." + kind, kind));
        values.put("operation", optional("operation." + operation, operation));
        values.put("verb", optional("verb." + operation + (allowed ? ".allowed" : ".denied"), operation));
        String pattern;
        if ("ADMINISTRATION".equals(purpose)) {
            pattern = optional("sentence." + kind + "." + operation, text("sentence.other"));
        } else if ("EXPLAIN".equals(purpose)) {
            pattern = text("sentence.EXPLAIN");
        } else {
            pattern = text("sentence.ACCESS");
        }
        return Messages.fill(pattern, values::get);
    }

    /**
     * One decision about several students as one sentence: "Anna Andersson läste 3 elevers profil".
     */
    public String studentsSentence(String purpose, String actor, int students, String kind, String operation, boolean allowed) {
        Map<String, String> values = new HashMap<>();
        values.put("actor", actor);
        values.put("student", new MessageFormat(text("student.many"), locale).format(new Object[] {students}));
        values.put("studentName", new MessageFormat(text("student.manyPlain"), locale).format(new Object[] {students}));
        values.put("kind", optional("kind." + kind, kind));
        values.put("operation", optional("operation." + operation, operation));
        values.put("verb", optional("verb." + operation + (allowed ? ".allowed" : ".denied"), operation));
        String pattern = "EXPLAIN".equals(purpose) ? text("sentence.EXPLAIN") : text("sentence.ACCESS");
        return Messages.fill(pattern, values::get);
    }

    /**
     * What one request read about the student, allowed, as one sentence: "Karin Ek läste Elsas inlägg, uppgifter och
     * omdömen".
     *
     * @param student the student's given name, or null when the log may not name them
     */
    public String viewSentence(String actor, String student, List<String> kinds) {
        List<String> named = kinds.stream().map(this::kind).distinct().toList();
        String joined = named.size() == 1 ? named.get(0)
                : String.join(", ", named.subList(0, named.size() - 1)) + " " + text("list.and") + " " + named.get(named.size() - 1);
        Map<String, String> values = new HashMap<>();
        values.put("actor", actor);
        values.put("student", student == null ? text("student.unnamed") : possessive(student));
        values.put("kind", joined);
        values.put("verb", text("verb.READ.allowed"));
        return Messages.fill(text("sentence.ACCESS"), values::get);
    }

    /** "tillåtet" or "nekat". */
    public String outcome(boolean allowed) {
        return text(allowed ? "outcome.allowed" : "outcome.denied");
    }

    /** What the kind of data is called: "omdömen", "profil". */
    public String kind(String kind) {
        return optional("kind." + kind, kind);
    }

    /**
     * Why the decision was a refusal: one text per failing code, as the explanations word it, naming a group and
     * its school only when the reader may see them.
     *
     * @param group the entry's group as the reader may see it; null when the entry names no group
     */
    public List<String> reasons(List<String> codes, String kind, String operation, GroupName group, boolean groupNamed) {
        List<String> reasons = new ArrayList<>(codes.size());
        for (String code : codes) {
            reasons.add(reason(code, kind, operation, group, groupNamed));
        }
        return List.copyOf(reasons);
    }

    private String reason(String code, String kind, String operation, GroupName group, boolean groupNamed) {
        Prerequisite prerequisite;
        try {
            prerequisite = Prerequisite.valueOf(code);
        } catch (IllegalArgumentException notAPrerequisite) {
            return optional("reason." + code, code);
        }
        Map<String, String> args = new HashMap<>();
        args.put("kind", kind);
        args.put("operation", operation);
        args.put("licence", text("reason.licence"));
        args.put("path", text("reason.path"));
        args.put("syllabus", Messages.WITHHELD);
        permission(kind, operation).ifPresent(permission -> args.put("permission", permission));
        if (groupNamed) {
            boolean seen = group != null && !group.withheld();
            args.put("group", seen ? group.name() : Messages.WITHHELD);
            args.put("school", seen ? group.school() : Messages.WITHHELD);
        } else if (WITHOUT_GROUP.containsKey(prerequisite)) {
            args.put("detail", WITHOUT_GROUP.get(prerequisite));
        }
        try {
            return Messages.describe(new PrerequisiteCheck(prerequisite, false, args), locale);
        } catch (MissingResourceException noText) {
            return code;
        }
    }

    private static java.util.Optional<String> permission(String kind, String operation) {
        try {
            return java.util.Optional.of(ApplicationPermissions.required(DataKind.valueOf(kind), Operation.valueOf(operation)));
        } catch (IllegalArgumentException notADataKind) {
            return java.util.Optional.empty();
        }
    }

    /** "Elsas" / "Elsa's"; a name that ends in s takes no further s ("Lars" / "Lars'"). */
    String possessive(String name) {
        char last = Character.toLowerCase(name.charAt(name.length() - 1));
        if (Locale.ENGLISH.equals(locale)) {
            return last == 's' ? name + "'" : name + "'s";
        }
        return last == 's' || last == 'x' || last == 'z' ? name : name + "s";
    }

    String text(String key) {
        return texts.getString(key);
    }

    private String optional(String key, String otherwise) {
        return texts.containsKey(key) ? texts.getString(key) : otherwise;
    }
}
