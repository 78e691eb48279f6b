package se.klassrum.roster.entity;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every way a roster change can be refused, with a stable code and its text in Swedish and English.
 * Texts use named placeholders ({@code {id}}) rather than positions so that the two languages may order
 * words differently. A code that the database can raise names the constraint that raises it, so that a
 * violation found only at flush time still gets the same clear message as one found before the insert.
 */
public enum RosterError {

    UNKNOWN_TENANT(Kind.NOT_FOUND, null,
            "Det finns ingen organisation med id {id}.",
            "There is no organisation with id {id}."),
    UNKNOWN_SCHOOL(Kind.NOT_FOUND, null,
            "Det finns ingen skola med id {id}.",
            "There is no school with id {id}."),
    UNKNOWN_PERSON(Kind.NOT_FOUND, null,
            "Det finns ingen person med id {id}.",
            "There is no person with id {id}."),
    UNKNOWN_SUBJECT(Kind.NOT_FOUND, null,
            "Det finns inget ämne med id {id}.",
            "There is no subject with id {id}."),
    UNKNOWN_SYLLABUS(Kind.NOT_FOUND, null,
            "Det finns ingen kursplan med id {id}.",
            "There is no syllabus with id {id}."),
    UNKNOWN_GROUP(Kind.NOT_FOUND, null,
            "Det finns ingen grupp med id {id}.",
            "There is no group with id {id}."),
    UNKNOWN_MEMBERSHIP(Kind.NOT_FOUND, null,
            "Det finns inget gruppmedlemskap med id {id}.",
            "There is no group membership with id {id}."),
    UNKNOWN_SCHOOL_ROLE(Kind.NOT_FOUND, null,
            "Det finns ingen skolroll med id {id}.",
            "There is no school role with id {id}."),
    UNKNOWN_GUARDIAN_LINK(Kind.NOT_FOUND, null,
            "Det finns ingen vårdnadshavarkoppling med id {id}.",
            "There is no guardian link with id {id}."),
    UNKNOWN_GUARDIAN_LOGIN(Kind.NOT_FOUND, null,
            "Det finns ingen inloggning för vårdnadshavare med id {id}.",
            "There is no guardian login with id {id}."),

    DUPLICATE_ID(Kind.CONFLICT, null,
            "Id {id} används redan.",
            "Id {id} is already in use."),
    DUPLICATE_ENTRA_TENANT_ID(Kind.CONFLICT, "uq_tenant_entra_tenant_id",
            "Det finns redan en organisation med Entra-klient-id {entraTenantId}.",
            "An organisation with Entra tenant id {entraTenantId} already exists."),
    DUPLICATE_SCHOOL_EXTERNAL_ID(Kind.CONFLICT, "uq_school_external_id",
            "Det finns redan en skola med externt id {externalId} i organisationen.",
            "A school with external id {externalId} already exists in this organisation."),
    DUPLICATE_SCHOOL_UNIT_CODE(Kind.CONFLICT, "uq_school_unit_code",
            "Det finns redan en skola med skolenhetskod {schoolUnitCode} i organisationen.",
            "A school with school unit code {schoolUnitCode} already exists in this organisation."),
    DUPLICATE_EXTERNAL_ID(Kind.CONFLICT, "uq_person_external_id",
            "Det finns redan en person med externt id {externalId} i organisationen.",
            "A person with external id {externalId} already exists in this organisation."),
    DUPLICATE_ENTRA_OBJECT_ID(Kind.CONFLICT, "uq_person_entra_object_id",
            "Det finns redan en person med Entra-objekt-id {entraObjectId} i organisationen.",
            "A person with Entra object id {entraObjectId} already exists in this organisation."),
    DUPLICATE_LICENCE(Kind.CONFLICT, "uq_licence",
            "{person} har redan en {licence} som gäller från {validFrom}.",
            "{person} already holds a {licence} valid from {validFrom}."),
    DUPLICATE_SCHOOL_ROLE(Kind.CONFLICT, "uq_school_role",
            "{person} har redan rollen {role} på {school} från {validFrom}.",
            "{person} already has the role {role} at {school} from {validFrom}."),
    DUPLICATE_SUBJECT_CODE(Kind.CONFLICT, "uq_subject_code",
            "Det finns redan ett ämne med koden {code} i organisationen.",
            "A subject with code {code} already exists in this organisation."),
    DUPLICATE_SYLLABUS_CODE(Kind.CONFLICT, "uq_syllabus_code",
            "Det finns redan en kursplan med kurskoden {code} i organisationen.",
            "A syllabus with course code {code} already exists in this organisation."),
    DUPLICATE_GROUP_EXTERNAL_ID(Kind.CONFLICT, "uq_study_group_external_id",
            "Det finns redan en grupp med externt id {externalId} i organisationen.",
            "A group with external id {externalId} already exists in this organisation."),
    DUPLICATE_MICROSOFT_GROUP_ID(Kind.CONFLICT, "uq_study_group_microsoft_group_id",
            "Microsoft-gruppen {microsoftGroupId} är redan kopplad till en annan grupp i organisationen.",
            "The Microsoft group {microsoftGroupId} is already linked to another group in this organisation."),
    DUPLICATE_MEMBERSHIP(Kind.CONFLICT, "uq_membership",
            "{person} är redan {role} i {group} från {validFrom}.",
            "{person} is already {role} of {group} from {validFrom}."),
    DUPLICATE_TEACHER_SUBJECT(Kind.CONFLICT, "uq_teacher_subject",
            "{teacher} är redan kopplad till ämnet {subject} på {school}.",
            "{teacher} is already linked to the subject {subject} at {school}."),
    DUPLICATE_GUARDIAN_LINK(Kind.CONFLICT, "uq_guardian_link",
            "{guardian} är redan registrerad som {relation} för {child} från {validFrom}.",
            "{guardian} is already registered as {relation} of {child} from {validFrom}."),
    DUPLICATE_GUARDIAN_LOGIN(Kind.CONFLICT, "uq_guardian_login",
            "Inloggningen {subject} ({method}) används redan i organisationen.",
            "The login {subject} ({method}) is already in use in this organisation."),
    CONSTRAINT_VIOLATED(Kind.CONFLICT, null,
            "Ändringen bryter mot databasregeln {constraint} och sparades inte.",
            "The change breaks the database rule {constraint} and was not saved."),

    VALUE_REQUIRED(Kind.INVALID, null,
            "Fältet {field} måste anges.",
            "The field {field} is required."),
    VALUE_TOO_LONG(Kind.INVALID, null,
            "Fältet {field} får vara högst {max} tecken långt.",
            "The field {field} may be at most {max} characters long."),
    INVALID_PERIOD(Kind.INVALID, null,
            "Slutdatumet {validTo} ligger före startdatumet {validFrom}.",
            "The end date {validTo} is before the start date {validFrom}."),
    INVALID_SCHOOL_YEAR(Kind.INVALID, null,
            "Läsåret {schoolYear} har fel form; skriv till exempel 2026/27.",
            "The school year {schoolYear} is malformed; write for example 2026/27."),
    INVALID_SCHOOL_UNIT_CODE(Kind.INVALID, null,
            "Skolenhetskoden {schoolUnitCode} ska bestå av åtta siffror.",
            "The school unit code {schoolUnitCode} must consist of eight digits."),
    INVALID_EMAIL(Kind.INVALID, null,
            "{email} är ingen giltig e-postadress.",
            "{email} is not a valid e-mail address."),
    DIFFERENT_TENANT(Kind.INVALID, null,
            "{first} och {second} tillhör olika organisationer och kan inte kopplas ihop.",
            "{first} and {second} belong to different organisations and cannot be linked."),
    SYLLABUS_ONLY_FOR_TEACHING_GROUP(Kind.INVALID, null,
            "En kursplan kan bara kopplas till en undervisningsgrupp; {group} är en mentorsgrupp.",
            "A syllabus can only be linked to a teaching group; {group} is a mentor group."),
    GROUP_ARCHIVED(Kind.INVALID, null,
            "Gruppen {group} är arkiverad och kan inte längre ändras.",
            "The group {group} is archived and can no longer be changed."),
    GUARDIAN_IS_CHILD(Kind.INVALID, null,
            "{person} kan inte vara vårdnadshavare för sig själv.",
            "{person} cannot be their own guardian."),
    GROUP_AT_OTHER_SCHOOL(Kind.CONFLICT, null,
            "Gruppen {group} hör till en annan skola; en grupp kan inte flytta mellan skolor.",
            "The group {group} belongs to another school; a group cannot move between schools."),
    CONSENT_BIRTH_DATE_UNKNOWN(Kind.CONFLICT, null,
            "{child} har inget känt födelsedatum, så det går inte att veta om eleven har fyllt 18 år; ett samtycke kan "
                    + "registreras när födelsedatumet är känt.",
            "{child} has no known birth date, so whether they have turned 18 cannot be known; a consent can be recorded "
                    + "once the birth date is known."),
    CONSENT_BEFORE_MAJORITY(Kind.CONFLICT, null,
            "{child} fyller 18 år den {birthday}; ett samtycke kan registreras först från den dagen.",
            "{child} turns 18 on {birthday}; a consent can only be recorded from that day on."),
    CONSENT_LINK_NOT_ACTIVE(Kind.CONFLICT, null,
            "Vårdnadshavarkopplingen mellan {guardian} och {child} är inte aktiv (inaktiverad eller utanför sina datum); "
                    + "ett samtycke kan bara registreras för en aktiv koppling.",
            "The guardian link between {guardian} and {child} is not active (deactivated or outside its dates); a consent "
                    + "can only be recorded for an active link."),
    CONSENT_WITHDRAWN(Kind.CONFLICT, null,
            "{child} har återkallat sitt samtycke för {guardian}; kopplingen har upphört för gott och kan inte få ett nytt "
                    + "samtycke.",
            "{child} has withdrawn their consent for {guardian}; the link has ended for good and cannot be given a new "
                    + "consent."),
    CONSENT_ALREADY_RECORDED(Kind.CONFLICT, null,
            "Samtycket från {child} för {guardian} är redan registrerat.",
            "The consent of {child} for {guardian} is already recorded."),
    NO_CONSENT(Kind.CONFLICT, null,
            "Det finns inget registrerat samtycke från {child} för {guardian} att återkalla.",
            "There is no recorded consent of {child} for {guardian} to withdraw."),
    CONSENT_DATE_INVALID(Kind.INVALID, null,
            "Samtyckets datum {consentDate} måste ligga mellan elevens 18-årsdag {birthday} och i dag.",
            "The consent date {consentDate} must lie between the student's 18th birthday {birthday} and today."),
    BREAK_NO_PLAN(Kind.NOT_FOUND, null,
            "Organisationen har ingen öppen plan för läsårsbrytet.",
            "The organisation has no open plan for the school-year break."),
    BREAK_PLAN_EMPTY(Kind.CONFLICT, null,
            "Planen för läsårsbrytet innehåller inga ändringar.",
            "The plan for the school-year break holds no changes."),
    BREAK_CHANGE_CONFLICT(Kind.INVALID, null,
            "Gruppen {group} kan inte både arkiveras och kopplas på i samma plan.",
            "The group {group} cannot be both archived and connected in the same plan."),
    BREAK_NOT_PREVIEWED(Kind.CONFLICT, null,
            "Förhandsgranska planen och dess påverkan på åtkomsten innan den genomförs.",
            "Preview the plan and its impact on access before applying it."),
    BREAK_BASE_CHANGED(Kind.CONFLICT, null,
            "Grupperna som planen ändrar, eller planen själv, har ändrats sedan förhandsgranskningen {previewedAt}; förhandsgranska igen.",
            "The groups the plan changes, or the plan itself, have changed since the preview at {previewedAt}; preview again."),
    BREAK_NOTHING_TO_UNDO(Kind.CONFLICT, null,
            "Det finns inget genomfört läsårsbryt att ångra.",
            "There is no applied school-year break to undo."),
    BREAK_UNDO_EXPIRED(Kind.CONFLICT, null,
            "Läsårsbrytet genomfördes {appliedOn} och kan bara ångras samma dag.",
            "The school-year break was applied on {appliedOn} and can only be undone on the same day."),
    GRAPH_NOT_CONFIGURED(Kind.CONFLICT, null,
            "Microsoft Graph är inte inställt: ange KLASSRUM_GRAPH_CLIENT_ID och KLASSRUM_GRAPH_CLIENT_SECRET.",
            "Microsoft Graph is not configured: set KLASSRUM_GRAPH_CLIENT_ID and KLASSRUM_GRAPH_CLIENT_SECRET.");

    /** Lets a caller choose a response (e.g. HTTP 404, 409, 400) without listing every code. */
    public enum Kind { NOT_FOUND, CONFLICT, INVALID }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final Kind kind;
    private final String constraint;
    private final String templateSv;
    private final String templateEn;

    RosterError(Kind kind, String constraint, String templateSv, String templateEn) {
        this.kind = kind;
        this.constraint = constraint;
        this.templateSv = templateSv;
        this.templateEn = templateEn;
    }

    public Kind kind() {
        return kind;
    }

    /** The database constraint that raises this error, if the database can raise it. */
    public Optional<String> constraint() {
        return Optional.ofNullable(constraint);
    }

    public String templateSv() {
        return templateSv;
    }

    public String templateEn() {
        return templateEn;
    }

    /** Fills in the Swedish text; a {@link Labelled} value is shown by its Swedish label. */
    public String formatSv(Map<String, ?> args) {
        return format(templateSv, args, true);
    }

    /** Fills in the English text; a {@link Labelled} value is shown by its English label. */
    public String formatEn(Map<String, ?> args) {
        return format(templateEn, args, false);
    }

    public static Optional<RosterError> forConstraint(String constraintName) {
        for (RosterError error : values()) {
            if (error.constraint != null && error.constraint.equalsIgnoreCase(constraintName)) {
                return Optional.of(error);
            }
        }
        return Optional.empty();
    }

    // Not MessageFormat: it treats apostrophes as quotes and formats numbers by locale.
    private static String format(String template, Map<String, ?> args, boolean swedish) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            Object value = args.get(matcher.group(1));
            String shown;
            if (value == null) {
                shown = "–";
            } else if (value instanceof Labelled labelled) {
                shown = swedish ? labelled.labelSv() : labelled.labelEn();
            } else {
                shown = String.valueOf(value);
            }
            matcher.appendReplacement(text, Matcher.quoteReplacement(shown));
        }
        matcher.appendTail(text);
        return text.toString();
    }
}
