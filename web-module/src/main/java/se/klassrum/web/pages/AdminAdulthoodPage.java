package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import se.klassrum.access.api.Cursors;
import se.klassrum.access.api.NotPermittedException;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.Slice;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.guardian.boundary.GuardianAdministration;
import se.klassrum.guardian.boundary.GuardianLinkConsent;
import se.klassrum.roster.boundary.StudentSearch;
import se.klassrum.roster.entity.GuardianRelation;
import se.klassrum.roster.entity.RosterException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code /admin/adulthood.xhtml}: a school administrator's guardian links of the students of their schools who are 18
 * or older (TRANSITIONS.md, A1–A2), where the school records a student's consent that a guardian keeps access, and
 * withdraws it, each after a confirmation; and the students whose birth date is unknown (A3), whose links do not end by
 * themselves. Both lists name a protected student only for an administrator with a path to the student's profile.
 */
@Named
@RequestScoped
public class AdminAdulthoodPage {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String RECORD = "record";
    private static final String WITHDRAW = "withdraw";

    @Inject
    GuardianAdministration administration;

    @Inject
    StudentSearch search;

    @Inject
    HttpServletRequest request;

    /** How many students a list shows at a time, unless the address asks for fewer ({@code size}, 1 to 100). */
    static final int PAGE_SIZE = 50;
    /** The address's parameters: where each list continues, and the page size. */
    static final String LINKS_FROM = "links";
    static final String BIRTH_FROM = "birth";
    static final String SIZE = "size";

    private List<GuardianLinkConsent> links;
    private List<StudentSearch.Match> withoutBirthDate;
    private String nextLinks;
    private String nextWithoutBirthDate;
    private Denial refusal;
    private boolean loaded;

    /** The link whose change awaits confirmation, and which change. */
    private UUID confirming;
    private String confirmAction;
    private LocalDate consentDate;

    public Denial getRefusal() {
        load();
        return refusal;
    }

    public List<GuardianLinkConsent> getLinks() {
        load();
        return links;
    }

    public List<StudentSearch.Match> getWithoutBirthDate() {
        load();
        return withoutBirthDate;
    }

    /** The address of the next page of the links (the students without a birth date staying where they are); null on the last. */
    public String getMoreLinksHref() {
        load();
        return nextLinks == null ? null : href(nextLinks, parameter(BIRTH_FROM));
    }

    /** The address of the next page of the students without a birth date; null on the last. */
    public String getMoreWithoutBirthDateHref() {
        load();
        return nextWithoutBirthDate == null ? null : href(parameter(LINKS_FROM), nextWithoutBirthDate);
    }

    /** The address of the links' first page, when a later one is shown; null otherwise. */
    public String getFirstLinksHref() {
        return parameter(LINKS_FROM) == null ? null : href(null, parameter(BIRTH_FROM));
    }

    /** The address of the first page of the students without a birth date, when a later one is shown; null otherwise. */
    public String getFirstWithoutBirthDateHref() {
        return parameter(BIRTH_FROM) == null ? null : href(parameter(LINKS_FROM), null);
    }

    /** Where the lists stand, for a form's postback to show the same pages again. */
    public String getLinksFrom() {
        return parameter(LINKS_FROM);
    }

    public String getBirthFrom() {
        return parameter(BIRTH_FROM);
    }

    public String getSize() {
        return parameter(SIZE);
    }

    private String href(String linksFrom, String birthFrom) {
        StringBuilder href = new StringBuilder(request.getContextPath()).append("/admin/adulthood.xhtml");
        String separator = "?";
        for (String[] pair : new String[][] {{LINKS_FROM, linksFrom}, {BIRTH_FROM, birthFrom}, {SIZE, parameter(SIZE)}}) {
            if (pair[1] != null) {
                href.append(separator).append(pair[0]).append('=')
                        .append(java.net.URLEncoder.encode(pair[1], java.nio.charset.StandardCharsets.UTF_8));
                separator = "&";
            }
        }
        return href.toString();
    }

    private String parameter(String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The page size the address asks for, within 1 to {@link Page#MAX_LIMIT}; {@link #PAGE_SIZE} otherwise. */
    private int pageSize() {
        try {
            int size = parameter(SIZE) == null ? PAGE_SIZE : Integer.parseInt(parameter(SIZE));
            return size < 1 || size > Page.MAX_LIMIT ? PAGE_SIZE : size;
        } catch (NumberFormatException notANumber) {
            return PAGE_SIZE;
        }
    }

    /** The page a list continues from: where the address says, or its first page for a cursor that no longer opens. */
    private Page page(String from) {
        String cursor = parameter(from);
        if (cursor != null) {
            try {
                Cursors.open(cursor, 3);
            } catch (Page.InvalidCursorException stale) {
                // A link kept from before a restart (cursors then change): start the list again rather than fail.
                cursor = null;
            }
        }
        return new Page(pageSize(), cursor);
    }

    public String getToday() {
        return LocalDate.now(SWEDEN).toString();
    }

    public String relation(GuardianLinkConsent link) {
        GuardianRelation relation = GuardianRelation.valueOf(link.relation());
        return english() ? relation.labelEn() : relation.labelSv();
    }

    /** "Upphörde vid 18 år", "Fortsätter med samtycke", "Samtycket återkallat – upphört för gott", or not active. */
    public String state(GuardianLinkConsent link) {
        if (!link.linkActive() && !"WITHDRAWN".equals(link.consent())) {
            return Texts.text("adulthood.state.inactive");
        }
        return Texts.text("adulthood.state." + link.consent());
    }

    /** When the student turned 18, and who recorded and withdrew a consent, when. */
    public String details(GuardianLinkConsent link) {
        StringBuilder text = new StringBuilder(Texts.text("adulthood.turned18", link.eighteenthBirthday().toString()));
        if (!"NONE".equals(link.consent())) {
            String by = link.recordedBy() == null ? Texts.text("adulthood.unknownRecorder") : link.recordedBy();
            text.append(' ').append(link.carriedOver()
                    ? Texts.text("adulthood.carriedOver", minute(link.recordedAt()))
                    : Texts.text("adulthood.recorded", link.consentDate().toString(), minute(link.recordedAt()), by));
        }
        if (link.withdrawnAt() != null) {
            String by = link.withdrawnBy() == null ? Texts.text("adulthood.unknownRecorder") : link.withdrawnBy();
            text.append(' ').append(Texts.text("adulthood.withdrawn", minute(link.withdrawnAt()), by));
        }
        return text.toString();
    }

    public boolean canRecord(GuardianLinkConsent link) {
        return "NONE".equals(link.consent()) && link.linkActive() && !confirming(link);
    }

    public boolean canWithdraw(GuardianLinkConsent link) {
        return "RECORDED".equals(link.consent()) && !confirming(link);
    }

    /** Asks first: the consent date is read and shown in the confirmation, which {@link #confirmRecord} completes. */
    public String askRecord(String linkId) {
        LocalDate date = postedDate();
        if (date == null) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "adulthood.noDate");
            return null;
        }
        return ask(linkId, RECORD, date);
    }

    public String askWithdraw(String linkId) {
        return ask(linkId, WITHDRAW, null);
    }

    public String confirmRecord(String linkId) {
        LocalDate date = postedDate();
        if (date == null) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "adulthood.noDate");
            return null;
        }
        return change(linkId, "adulthood.recordedDone", id -> administration.recordConsent(id, date));
    }

    public String confirmWithdraw(String linkId) {
        return change(linkId, "adulthood.withdrawnDone", administration::withdrawConsent);
    }

    /**
     * Whether the link's row asks to confirm a change: after "Registrera samtycke" or "Återkalla samtycke", and while
     * the confirmation is posted (its form names the link in {@code confirm}, so that its button is there to be pressed).
     */
    public boolean confirming(GuardianLinkConsent link) {
        return link.linkId().equals(confirming) || link.linkId().toString().equals(request.getParameter("confirm"));
    }

    public String getConfirmAction() {
        return confirmAction != null ? confirmAction : request.getParameter("action");
    }

    public boolean isConfirmingRecord() {
        return RECORD.equals(getConfirmAction());
    }

    public boolean isConfirmingWithdraw() {
        return WITHDRAW.equals(getConfirmAction());
    }

    public String getConsentDate() {
        LocalDate date = consentDate != null ? consentDate : postedDate();
        return date == null ? "" : date.toString();
    }

    public String confirmTitle(GuardianLinkConsent link) {
        return Texts.text(isConfirmingWithdraw() ? "adulthood.confirmWithdrawTitle" : "adulthood.confirmRecordTitle",
                link.studentName(), link.guardianName(), getConsentDate());
    }

    public String confirmText(GuardianLinkConsent link) {
        return Texts.text(isConfirmingWithdraw() ? "adulthood.confirmWithdrawText" : "adulthood.confirmRecordText",
                link.studentName(), link.guardianName());
    }

    private String ask(String linkId, String action, LocalDate date) {
        GuardianLinkConsent link = listed(linkId);
        if (link == null) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "admin.groups.notFound");
            return null;
        }
        confirming = link.linkId();
        confirmAction = action;
        consentDate = date;
        return null;
    }

    /** A change of one listed link; a refusal (with its own code's text) becomes the page's message. */
    private String change(String linkId, String doneKey, Consumer<UUID> change) {
        GuardianLinkConsent link = listed(linkId);
        if (link == null) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "admin.groups.notFound");
            return null;
        }
        try {
            change.accept(link.linkId());
        } catch (RosterException refused) {
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.message(Texts.locale()), null));
            return null;
        } catch (StudentDataNotFoundException notFound) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "admin.groups.notFound");
            return null;
        } catch (NotPermittedException | NotSignedInException notAdministrator) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "admin.notAdministrator");
            return null;
        }
        Texts.flash(FacesMessage.SEVERITY_INFO, doneKey, link.studentName(), link.guardianName());
        // Back to the same pages of the lists.
        String same = href(parameter(LINKS_FROM), parameter(BIRTH_FROM)).substring(request.getContextPath().length());
        return same + (same.contains("?") ? "&" : "?") + "faces-redirect=true";
    }

    private GuardianLinkConsent listed(String linkId) {
        UUID id = Forms.uuid(linkId);
        return id == null ? null : getLinks().stream().filter(link -> link.linkId().equals(id)).findFirst().orElse(null);
    }

    private LocalDate postedDate() {
        String posted = request.getParameter("consentDate");
        try {
            return posted == null || posted.isBlank() ? null : LocalDate.parse(posted.strip());
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        try {
            Slice<GuardianLinkConsent> linkPage = administration.adultStudentsLinks(page(LINKS_FROM));
            links = linkPage.items();
            nextLinks = linkPage.nextCursor();
            Slice<StudentSearch.Match> birthPage = search.withoutBirthDate(page(BIRTH_FROM));
            withoutBirthDate = birthPage.items();
            nextWithoutBirthDate = birthPage.nextCursor();
        } catch (NotSignedInException notSignedIn) {
            refusal = Denial.simple("auth.notSignedIn");
        } catch (NotPermittedException notAdministrator) {
            refusal = Denial.simple("admin.notAdministrator");
        }
        if (refusal != null) {
            links = List.of();
            withoutBirthDate = List.of();
            nextLinks = null;
            nextWithoutBirthDate = null;
        }
    }

    private static String minute(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(SWEDEN).format(MINUTE);
    }

    private static boolean english() {
        return "en".equals(Texts.locale().getLanguage());
    }
}
