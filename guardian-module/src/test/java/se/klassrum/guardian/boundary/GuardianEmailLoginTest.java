package se.klassrum.guardian.boundary;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.klassrum.access.api.Actor;
import se.klassrum.guardian.boundary.CodeRequestAnswer.Status;
import se.klassrum.guardian.control.CodeMail;
import se.klassrum.guardian.control.CodeMailer;
import se.klassrum.guardian.control.EmailCodeSettings;
import se.klassrum.guardian.control.MailSettings;
import se.klassrum.guardian.entity.EmailCodeRequest;
import se.klassrum.roster.testing.TestDatabase;
import se.klassrum.guardian.testing.TestClock;
import se.klassrum.roster.demo.DemoIds;
import se.klassrum.roster.entity.GuardianLink;
import se.klassrum.roster.entity.GuardianLogin;
import se.klassrum.roster.entity.GuardianLoginMethod;
import se.klassrum.roster.entity.GuardianRelation;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.RosterError;
import se.klassrum.roster.entity.RosterException;
import se.klassrum.roster.entity.Tenant;
import se.klassrum.roster.entity.Validity;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Guardian sign-in by e-mail code, end to end below the web layer: a real PostgreSQL migrated by every module's
 * migrations, the demo roster (roster-module/DEMO-DATA.md), and real SMTP on loopback (GreenMail). Mail goes out
 * after the commit, as CodeDelivery sends it in the container.
 */
class GuardianEmailLoginTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String KARIN = "karin.ek@example.com";
    /** Ebba Ek's only login is disabled. */
    private static final String EBBA = "ebba.ek@example.com";
    /** Nobody's. */
    private static final String NOBODY = "nobody@example.com";
    private static final String CLIENT = "192.0.2.10";
    private static final EmailCodeSettings SETTINGS = EmailCodeSettings.DEFAULTS;
    private static final Pattern CODE_LINE = Pattern.compile("(?m)^\\s+([0-9]{6})\\s*$");

    private static TestDatabase db;

    private TestClock clock;
    private CodeMailer mailer;

    @BeforeAll
    static void database() {
        db = TestDatabase.withDemoRoster("guardian_email_login");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void freshState() throws java.sql.SQLException {
        db.executeSql("delete from guardian_email_code; delete from guardian_email_code_request; "
                + "delete from guardian_login_policy; update guardian_login set enabled = true where id = '"
                + DemoIds.GUARDIAN_LOGIN_KARIN + "'");
        clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        mailer = new CodeMailer(MailSettings.plain("127.0.0.1", MAIL.getSmtp().getPort(), "klassrum@solbacka.example"));
    }

    @Test
    void a_code_arrives_by_mail_and_signs_karin_in_exactly_once() throws Exception {
        CodeRequestAnswer answer = request(KARIN);

        assertThat(answer).isEqualTo(new CodeRequestAnswer(Status.SENT_IF_KNOWN, Duration.ofMinutes(10), Duration.ZERO));
        assertThat(answer.messageSv()).contains("Om adressen hör till en inloggning").contains("10 minuter");
        assertThat(answer.messageEn()).contains("If the address belongs to a Klassrum login").contains("10 minutes");
        MimeMessage mail = onlyMailTo(KARIN);
        assertThat((String) mail.getContent()).contains("Solbacka kommun");
        String code = codeIn(mail);

        Optional<GuardianSignIn> signIn = verify(KARIN, code);

        assertThat(signIn).contains(new GuardianSignIn(DemoIds.PERSON_KARIN, DemoIds.TENANT_SOLBACKA, DemoIds.GUARDIAN_LOGIN_KARIN));
        assertThat(signIn.get().actor()).isEqualTo(Actor.person(DemoIds.PERSON_KARIN, DemoIds.TENANT_SOLBACKA));
        assertThat(verify(KARIN, code)).as("the same code a second time").isEmpty();
        assertThat(db.number("select count(*) from guardian_email_code where used_at is not null")).isEqualTo(1);
    }

    @Test
    void neither_the_code_nor_the_address_is_stored_in_clear() throws Exception {
        request(KARIN);
        String code = codeIn(onlyMailTo(KARIN));

        assertThat(db.number("select count(*) from guardian_email_code where position(convert_to('" + code
                + "', 'UTF8') in code_hash) > 0 or encode(code_hash, 'hex') like '%" + code + "%'")).isZero();
        assertThat(db.text("select address_hash from guardian_email_code_request"))
                .isEqualTo(EmailCodeRequest.digest(KARIN))
                .doesNotContain("karin");
        assertThat(db.text("select client_hash from guardian_email_code_request")).isEqualTo(EmailCodeRequest.digest(CLIENT));
    }

    @Test
    void the_address_may_differ_in_case_and_spaces_and_the_code_in_spaces_and_hyphens() throws Exception {
        request("  Karin.Ek@EXAMPLE.com ");
        String code = codeIn(onlyMailTo(KARIN));

        assertThat(verify("KARIN.EK@example.com\t", code.substring(0, 3) + " - " + code.substring(3)))
                .map(GuardianSignIn::personId).contains(DemoIds.PERSON_KARIN);
    }

    @Test
    void a_code_works_until_ten_minutes_have_passed() throws Exception {
        request(KARIN);
        String code = codeIn(onlyMailTo(KARIN));

        clock.advance(Duration.ofMinutes(10).minusSeconds(1));

        assertThat(verify(KARIN, code)).isPresent();
    }

    @Test
    void a_code_expires_after_ten_minutes() throws Exception {
        request(KARIN);
        String code = codeIn(onlyMailTo(KARIN));

        clock.advance(Duration.ofMinutes(10));

        assertThat(verify(KARIN, code)).isEmpty();
    }

    @Test
    void wrong_codes_count_and_the_fifth_locks_the_code() throws Exception {
        request(KARIN);
        String code = codeIn(onlyMailTo(KARIN));

        for (int i = 0; i < 5; i++) {
            assertThat(verify(KARIN, wrong(code))).isEmpty();
        }

        assertThat(db.number("select attempts from guardian_email_code")).isEqualTo(5);
        assertThat(verify(KARIN, code)).as("the right code, once locked").isEmpty();
        assertThat(db.number("select attempts from guardian_email_code")).as("a locked code counts no more").isEqualTo(5);
    }

    @Test
    void four_wrong_codes_leave_the_right_one_working() throws Exception {
        request(KARIN);
        String code = codeIn(onlyMailTo(KARIN));

        for (int i = 0; i < 4; i++) {
            verify(KARIN, wrong(code));
        }

        assertThat(db.number("select attempts from guardian_email_code")).isEqualTo(4);
        assertThat(verify(KARIN, code)).isPresent();
    }

    @Test
    void a_code_that_is_not_six_digits_is_refused_without_counting() throws Exception {
        request(KARIN);
        String code = codeIn(onlyMailTo(KARIN));

        assertThat(verify(KARIN, code.substring(1))).isEmpty();
        assertThat(verify(KARIN, code + "0")).isEmpty();
        assertThat(verify(KARIN, "abcdef")).isEmpty();
        assertThat(verify(KARIN, null)).isEmpty();

        assertThat(db.number("select attempts from guardian_email_code")).isZero();
        assertThat(verify(KARIN, code)).isPresent();
    }

    @Test
    void several_codes_of_one_login_all_work_until_one_of_them_is_used() throws Exception {
        request(KARIN);
        request(KARIN);
        List<String> codes = Arrays.stream(MAIL.getReceivedMessages()).map(GuardianEmailLoginTest::codeIn).toList();

        assertThat(verify(KARIN, codes.get(0))).as("the first code, though a second was sent").isPresent();
        assertThat(verify(KARIN, codes.get(1))).as("spent by the sign-in with the first").isEmpty();
    }

    @Test
    void the_address_gets_three_mails_in_fifteen_minutes_and_a_fourth_request_is_answered_alike() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(request(KARIN, "192.0.2." + i).status()).isEqualTo(Status.SENT_IF_KNOWN);
            clock.advance(Duration.ofMinutes(1));
        }

        CodeRequestAnswer fourth = request(KARIN, "198.51.100.1");

        assertThat(fourth).isEqualTo(new CodeRequestAnswer(Status.SENT_IF_KNOWN, Duration.ofMinutes(10), Duration.ZERO));
        assertThat(MAIL.getReceivedMessages()).hasSize(3);
        assertThat(db.number("select count(*) from guardian_email_code_request")).as("not counted").isEqualTo(3);

        clock.advance(Duration.ofMinutes(12));

        assertThat(request(KARIN).status()).isEqualTo(Status.SENT_IF_KNOWN);
        assertThat(MAIL.getReceivedMessages()).as("the first request has left the window").hasSize(4);
    }

    @Test
    void three_anonymous_requests_from_three_clients_do_not_lock_karin_out() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(request(KARIN, "192.0.2." + i).status()).isEqualTo(Status.SENT_IF_KNOWN);
        }

        CodeRequestAnswer karinsOwn = request(KARIN, "198.51.100.1");

        assertThat(karinsOwn).as("answered like any other request").isEqualTo(request(NOBODY, "198.51.100.2"));
        assertThat(karinsOwn.status()).isEqualTo(Status.SENT_IF_KNOWN);
        assertThat(recipients()).as("no more than three mails to the address").containsOnly(KARIN).hasSize(3);
        String code = codeIn(MAIL.getReceivedMessages()[2]);
        assertThat(verify(KARIN, code)).as("a code already mailed still signs Karin in")
                .map(GuardianSignIn::personId).contains(DemoIds.PERSON_KARIN);
    }

    @Test
    void the_per_address_limit_answers_unknown_disabled_and_known_addresses_alike() {
        List<CodeRequestAnswer> karin = new ArrayList<>();
        List<CodeRequestAnswer> nobody = new ArrayList<>();
        List<CodeRequestAnswer> ebba = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            karin.add(request(KARIN, "192.0.2.1"));
            nobody.add(request(NOBODY, "192.0.2.2"));
            ebba.add(request(EBBA, "192.0.2.3"));
        }

        assertThat(karin).extracting(CodeRequestAnswer::status).containsOnly(Status.SENT_IF_KNOWN).hasSize(5);
        assertThat(nobody).isEqualTo(karin);
        assertThat(ebba).isEqualTo(karin);
        assertThat(recipients()).containsOnly(KARIN).hasSize(3);
    }

    @Test
    void one_client_may_ask_ten_times_in_fifteen_minutes_whatever_the_addresses() {
        String client = "203.0.113.7";
        for (int i = 0; i < 9; i++) {
            assertThat(request("guess" + i + "@example.com", client).status()).isEqualTo(Status.SENT_IF_KNOWN);
        }
        assertThat(request(EBBA, client).status()).isEqualTo(Status.SENT_IF_KNOWN);

        CodeRequestAnswer eleventh = request(KARIN, client);

        assertThat(eleventh.status()).isEqualTo(Status.TOO_MANY_REQUESTS);
        assertThat(eleventh.retryAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(MAIL.getReceivedMessages()).isEmpty();
        assertThat(request(KARIN, "203.0.113.8").status()).as("another client").isEqualTo(Status.SENT_IF_KNOWN);
        assertThat(recipients()).containsExactly(KARIN);

        clock.advance(Duration.ofMinutes(15));

        assertThat(request(NOBODY, client).status()).isEqualTo(Status.SENT_IF_KNOWN);
    }

    @Test
    void unknown_and_disabled_addresses_get_the_same_answer_and_no_mail() {
        CodeRequestAnswer karin = request(KARIN, "192.0.2.1");
        CodeRequestAnswer nobody = request(NOBODY, "192.0.2.2");
        CodeRequestAnswer ebba = request(EBBA, "192.0.2.3");
        // Maria Falk has no login at all; Lars Isaksson signs in through an identity provider only.
        CodeRequestAnswer maria = request("maria.falk@example.com", "192.0.2.4");

        assertThat(List.of(nobody, ebba, maria)).containsOnly(karin);
        assertThat(recipients()).containsExactly(KARIN);
        assertThat(db.number("select count(*) from guardian_email_code where login_id = '" + DemoIds.GUARDIAN_LOGIN_EBBA + "'"))
                .isZero();
        assertThat(verify(EBBA, "123456")).isEmpty();
    }

    @Test
    void an_address_that_is_no_address_is_refused_and_not_counted() {
        for (String text : new String[]{"karin", "", "  ", null, "karin ek@example.com", "a@b@c"}) {
            CodeRequestAnswer answer = request(text);
            assertThat(answer.status()).as(String.valueOf(text)).isEqualTo(Status.INVALID_ADDRESS);
            assertThat(answer.messageEn()).isEqualTo("Enter a valid e-mail address.");
        }
        assertThat(db.number("select count(*) from guardian_email_code_request")).isZero();
        assertThatThrownBy(() -> request(KARIN, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_organiser_with_email_sign_in_switched_off_sends_nothing_and_accepts_no_code() throws Exception {
        request(KARIN);
        String earlier = codeIn(onlyMailTo(KARIN));
        MAIL.purgeEmailFromAllMailboxes();

        db.runInTransaction(em -> new GuardianLoginPolicies(em).setEmailLogin(DemoIds.TENANT_SOLBACKA, false));

        assertThat(request(KARIN).status()).isEqualTo(Status.SENT_IF_KNOWN);
        assertThat(request("ulla.rask@example.com").status()).isEqualTo(Status.SENT_IF_KNOWN);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
        assertThat(db.number("select count(*) from guardian_email_code")).as("only the earlier code").isEqualTo(1);
        assertThat(verify(KARIN, earlier)).as("a code sent before the switch").isEmpty();

        db.runInTransaction(em -> new GuardianLoginPolicies(em).setEmailLogin(DemoIds.TENANT_SOLBACKA, true));

        assertThat(verify(KARIN, earlier)).as("switched on again, within the ten minutes").isPresent();
    }

    @Test
    void a_login_disabled_after_its_code_was_sent_cannot_use_it() throws Exception {
        request(KARIN);
        String code = codeIn(onlyMailTo(KARIN));

        db.executeSql("update guardian_login set enabled = false where id = '" + DemoIds.GUARDIAN_LOGIN_KARIN + "'");

        assertThat(verify(KARIN, code)).isEmpty();
    }

    @Test
    void the_policy_allows_both_methods_until_the_organiser_says_otherwise() {
        LoginPolicy norra = db.inTransaction(em -> new GuardianLoginPolicies(em).policyOf(DemoIds.TENANT_NORRA));
        assertThat(norra).isEqualTo(new LoginPolicy(DemoIds.TENANT_NORRA, true, true));

        LoginPolicy changed = db.inTransaction(em -> new GuardianLoginPolicies(em).setIdpLogin(DemoIds.TENANT_NORRA, false));

        assertThat(changed).isEqualTo(new LoginPolicy(DemoIds.TENANT_NORRA, true, false));
        boolean idp = db.inTransaction(em -> new GuardianLoginPolicies(em).allows(DemoIds.TENANT_NORRA, GuardianLoginMethod.IDP));
        boolean email = db.inTransaction(em -> new GuardianLoginPolicies(em).allows(DemoIds.TENANT_NORRA, GuardianLoginMethod.EMAIL));
        assertThat(idp).isFalse();
        assertThat(email).isTrue();
        assertThatThrownBy(() -> db.runInTransaction(em -> new GuardianLoginPolicies(em).setEmailLogin(UUID.randomUUID(), false)))
                .isInstanceOfSatisfying(RosterException.class, e -> assertThat(e.code()).isEqualTo(RosterError.UNKNOWN_TENANT));
    }

    @Test
    void an_address_with_logins_at_two_organisers_gets_a_code_for_each() throws Exception {
        String olof = "olof.holm@example.com";
        UUID norraLogin = db.inTransaction(em -> {
            Person person = new Person(null, em.find(Tenant.class, DemoIds.TENANT_NORRA), "olof-norra", "Olof", "Holm");
            GuardianLogin login = new GuardianLogin(null, person, GuardianLoginMethod.EMAIL, olof);
            em.persist(person);
            // Only a guardian may sign in as one: Olof is Tove's guardian at Norrå too.
            em.persist(new GuardianLink(null, person, em.find(Person.class, DemoIds.PERSON_TOVE), GuardianRelation.GOD_MAN,
                    Validity.from(java.time.LocalDate.now().minusYears(1))));
            em.persist(login);
            return login.id();
        });

        request(olof);

        MimeMessage[] mails = MAIL.getReceivedMessages();
        assertThat(mails).hasSize(2);
        String norraCode = null;
        String solbackaCode = null;
        for (MimeMessage mail : mails) {
            if (((String) mail.getContent()).contains("Norrå kommun")) {
                norraCode = codeIn(mail);
            } else {
                solbackaCode = codeIn(mail);
            }
        }
        assertThat(verify(olof, norraCode)).map(GuardianSignIn::tenantId).contains(DemoIds.TENANT_NORRA);
        assertThat(verify(olof, solbackaCode)).map(GuardianSignIn::loginId).contains(DemoIds.GUARDIAN_LOGIN_OLOF);
        assertThat(norraLogin).isNotEqualTo(DemoIds.GUARDIAN_LOGIN_OLOF);
    }

    @Test
    void a_mail_server_that_is_down_changes_nothing_in_the_answer() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        mailer = new CodeMailer(MailSettings.plain("127.0.0.1", closedPort, "klassrum@solbacka.example"));

        assertThat(request(KARIN)).isEqualTo(request(NOBODY));
        assertThat(db.number("select count(*) from guardian_email_code")).isEqualTo(1);
    }

    @Test
    void requests_on_several_nodes_at_once_still_mail_three_codes_and_a_code_signs_in_once() throws Exception {
        List<Status> statuses = concurrently(8, i -> request(KARIN, "192.0.2." + i).status());

        assertThat(statuses).containsOnly(Status.SENT_IF_KNOWN).hasSize(8);
        assertThat(MAIL.getReceivedMessages()).hasSize(3);

        String code = codeIn(MAIL.getReceivedMessages()[0]);
        List<Optional<GuardianSignIn>> signIns = concurrently(6, i -> verify(KARIN, code));

        assertThat(signIns).filteredOn(Optional::isPresent).hasSize(1);
    }

    @Test
    void old_requests_and_long_expired_codes_are_cleared_out() {
        request(KARIN);
        clock.advance(Duration.ofMinutes(15));

        request(NOBODY);

        assertThat(db.number("select count(*) from guardian_email_code_request")).as("only the newest request").isEqualTo(1);
        assertThat(db.number("select count(*) from guardian_email_code")).as("an expired code is kept a day").isEqualTo(1);

        clock.advance(Duration.ofDays(1));
        request(NOBODY);

        assertThat(db.number("select count(*) from guardian_email_code")).isZero();
    }

    // --- helpers

    private CodeRequestAnswer request(String address) {
        return request(address, CLIENT);
    }

    /** One request in a transaction of its own; its mail goes out after the commit, as in the container. */
    private CodeRequestAnswer request(String address, String client) {
        List<CodeMail> outbox = new ArrayList<>();
        CodeRequestAnswer answer = db.inTransaction(em -> {
            GuardianEmailLogin login = boundary(em);
            login.postWith(outbox::add);
            return login.requestCode(address, client);
        });
        outbox.forEach(mailer::sendQuietly);
        return answer;
    }

    private Optional<GuardianSignIn> verify(String address, String code) {
        return db.inTransaction(em -> boundary(em).verify(address, code));
    }

    private GuardianEmailLogin boundary(EntityManager em) {
        return new GuardianEmailLogin(em, clock, SETTINGS, mailer);
    }

    private static MimeMessage onlyMailTo(String address) throws Exception {
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(((InternetAddress) received[0].getAllRecipients()[0]).getAddress()).isEqualTo(address);
        return received[0];
    }

    private static List<String> recipients() {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage mail : MAIL.getReceivedMessages()) {
            try {
                recipients.add(((InternetAddress) mail.getAllRecipients()[0]).getAddress());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return recipients;
    }

    private static String codeIn(MimeMessage mail) {
        try {
            Matcher matcher = CODE_LINE.matcher((String) mail.getContent());
            assertThat(matcher.find()).as("a code in the mail").isTrue();
            return matcher.group(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    /** Runs the work on that many threads at once, each in transactions of its own, as several nodes would. */
    private static <T> List<T> concurrently(int threads, IntWork<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                Callable<T> task = () -> {
                    start.await();
                    return work.apply(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface IntWork<T> {
        T apply(int index) throws Exception;
    }
}
