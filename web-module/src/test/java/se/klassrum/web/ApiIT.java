package se.klassrum.web;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestClassOrder;

/**
 * The API, the guardians' sign-in and the register sync, against one deployment: each nested class runs the
 * scenarios of its {@code *Checks} class, in a fixed order (they share the deployment's state). Run one of them alone with e.g. {@code -Dit.test='ApiIT$Access'}.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class ApiIT extends KlassrumServerTest {

    @Nested
    @Order(1)
    class Server extends ServerChecks {
    }

    @Nested
    @Order(2)
    class Access extends AccessChecks {
    }

    @Nested
    @Order(3)
    class Edges extends EdgesChecks {
    }

    @Nested
    @Order(4)
    class Teaching extends TeachingChecks {
    }

    @Nested
    @Order(5)
    class Guardian extends GuardianChecks {
    }

    @Nested
    @Order(6)
    class GuardianOidc extends GuardianOidcChecks {
    }

    @Nested
    @Order(7)
    class LiveSync extends LiveSyncChecks {
    }

    @Nested
    @Order(8)
    class ImportAdmission extends ImportAdmissionChecks {
    }

    @Nested
    @Order(9)
    class Files extends FilesChecks {
    }

    @Nested
    @Order(10)
    class TalkBookings extends TalkBookingChecks {
    }

    @Nested
    @Order(11)
    class Notifications extends NotificationsChecks {
    }

    @Nested
    @Order(12)
    class Overview extends OverviewChecks {
    }

    @Nested
    @Order(13)
    class EarlierSchool extends EarlierSchoolChecks {
    }

    @Nested
    @Order(14)
    class Adulthood extends AdulthoodChecks {
    }

    @Nested
    @Order(15)
    class Subject extends SubjectChecks {
    }

    @Nested
    @Order(16)
    class SchoolYearBreak extends SchoolYearBreakChecks {
    }

    @Nested
    @Order(17)
    class MunicipalityBreak extends MunicipalityBreakChecks {
    }
}
