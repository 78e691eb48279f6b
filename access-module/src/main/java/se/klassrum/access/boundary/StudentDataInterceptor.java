package se.klassrum.access.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import se.klassrum.access.api.AccessPath;
import se.klassrum.access.api.Cursors;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.GroupId;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.Slice;
import se.klassrum.access.api.StudentData;
import se.klassrum.access.api.StudentId;
import se.klassrum.access.api.StudentOwned;
import se.klassrum.access.api.SyllabusId;
import se.klassrum.access.audit.PendingRecord;
import se.klassrum.access.audit.PendingRecords;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Enforces the access rules on every {@link StudentData} method of the application: enabled for all
 * modules by its priority, it decides before the method body runs and lets only an allowed call proceed.
 * A read of a collection or {@link Slice} without a named student is a list: all its items are decided
 * together (one read of the facts, one audit entry) and the caller receives only those they may see. A page of
 * a {@link Slice} is refilled from the following rows up to its limit, and its cursor is made from the last
 * item the caller received, so neither the page nor its cursor says anything of the items left out.
 */
@StudentData
@NoStudentData("the interceptor that applies the guard to every @StudentData method")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class StudentDataInterceptor {

    @Inject
    AccessGuard guard;

    @AroundInvoke
    public Object enforce(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        StudentData binding = bindingOf(method);
        UUID studentId = argument(invocation, StudentId.class);
        UUID groupId = argument(invocation, GroupId.class);
        UUID syllabusId = argument(invocation, SyllabusId.class);
        ItemFacts item = itemFacts(binding, syllabusId);

        // Posts and assignments of a group are group content: without a student, asked about the group.
        if (studentId != null || groupId != null && binding.kind().groupContent()) {
            if (binding.operation() == Operation.READ) {
                // A read goes on while its decision is recorded; its result leaves once the record is committed.
                return readWhileRecorded(invocation, guard.admitRead(binding.kind(), studentId, groupId, item));
            }
            guard.require(binding.kind(), binding.operation(), studentId, groupId, item);
            return invocation.proceed();
        }
        if (binding.operation() == Operation.READ && Slice.class.isAssignableFrom(method.getReturnType())) {
            return page(invocation, binding, groupId);
        }
        if (binding.operation() == Operation.READ && Collection.class.isAssignableFrom(method.getReturnType())) {
            AccessGuard.ListDecision list = guard.list(binding.kind(), binding.operation(), groupId, paths(binding));
            List<?> all = List.copyOf((Collection<?>) invocation.proceed());
            boolean[] visible = list.visible(items(binding, groupId, all));
            list.audit();
            List<Object> kept = new ArrayList<>(all.size());
            for (int i = 0; i < all.size(); i++) {
                if (visible[i]) {
                    kept.add(all.get(i));
                }
            }
            return List.copyOf(kept);
        }
        throw new IllegalStateException(method + " is marked @StudentData but names no @StudentId or group, and returns "
                + "no Slice or collection of StudentOwned to filter; the rules cannot decide it");
    }

    /**
     * A page of a list: the rows the method returns are decided together; while fewer than the page's limit are
     * visible and rows follow, the method is asked again for the rows after the last one it returned. The cursor
     * continues after the last item the caller receives, and is given only when a further visible item exists.
     */
    private Slice<Object> page(InvocationContext invocation, StudentData binding, UUID groupId) throws Exception {
        int pageArgument = pageArgument(invocation.getMethod());
        Page requested = (Page) invocation.getParameters()[pageArgument];
        AccessGuard.ListDecision list = guard.list(binding.kind(), binding.operation(), groupId, paths(binding));
        List<Object> kept = new ArrayList<>(requested.limit());
        List<List<String>> keptKeys = new ArrayList<>(requested.limit());
        boolean more = false;
        Slice<?> rows = (Slice<?>) invocation.proceed();
        while (true) {
            boolean[] visible = list.visible(items(binding, groupId, rows.items()));
            List<List<String>> keys = rows.positions() == null ? null : rows.positions().keys();
            for (int i = 0; i < visible.length && !more; i++) {
                if (!visible[i]) {
                    continue;
                }
                if (kept.size() == requested.limit()) {
                    more = true;
                } else {
                    kept.add(rows.items().get(i));
                    keptKeys.add(keys == null ? null : keys.get(i));
                }
            }
            if (more || !rows.more() || keys == null || keys.isEmpty()) {
                break;
            }
            Object[] parameters = invocation.getParameters().clone();
            parameters[pageArgument] = Page.after(Page.MAX_LIMIT, keys.get(keys.size() - 1));
            invocation.setParameters(parameters);
            rows = (Slice<?>) invocation.proceed();
        }
        List<Object> received = kept;
        @SuppressWarnings("unchecked")
        Slice.Details<Object> details = (Slice.Details<Object>) rows.details();
        if (details == null) {
            list.audit();
        } else {
            // The items' details are read, for the received items only, while the list's decision is recorded.
            // They may show what the decision read about the received items' students, and of no other.
            Set<UUID> receivedStudents = new HashSet<>();
            items(binding, groupId, kept).forEach(item -> receivedStudents.add(item.studentId()));
            Slice.Decided decided = studentId -> receivedStudents.contains(studentId) ? list.factsAbout(studentId)
                    : Optional.empty();
            received = readWhileRecorded(() -> details.of(kept, decided), list.handOver());
            if (received.size() != kept.size()) {
                throw new IllegalStateException("details must complete each item of a page, in its order");
            }
        }
        List<String> last = keptKeys.isEmpty() ? null : keptKeys.get(keptKeys.size() - 1);
        String next = more && last != null ? Cursors.seal(last) : null;
        return new Slice<>(received, next, new Slice.Positions(keptKeys.stream().map(k -> k == null ? List.<String>of() : k)
                .toList(), more));
    }

    /**
     * Runs an allowed read while its decision's record is appended, and lets its result, or what it threw, leave only
     * once the record is committed; when it cannot be, the call fails as the audit log's wait does. A transaction the
     * read begins awaits the record first ({@link PendingRecords}).
     */
    static Object readWhileRecorded(InvocationContext invocation, PendingRecord recorded) throws Exception {
        return readWhileRecorded(invocation::proceed, recorded);
    }

    private static <T> T readWhileRecorded(Callable<T> read, PendingRecord recorded) throws Exception {
        T result;
        try (PendingRecords.Registration running = PendingRecords.register(recorded)) {
            result = read.call();
        } catch (Exception | Error thrown) {
            try {
                recorded.awaitCommit();
            } catch (RuntimeException unrecorded) {
                unrecorded.addSuppressed(thrown);
                throw unrecorded;
            }
            throw thrown;
        }
        recorded.awaitCommit();
        return result;
    }

    /** The paths a list's items are seen through; empty for any. */
    private static Set<AccessPath> paths(StudentData binding) {
        return binding.paths().length == 0 ? Set.of() : EnumSet.copyOf(List.of(binding.paths()));
    }

    private static int pageArgument(Method method) {
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == Page.class) {
                return i;
            }
        }
        throw new IllegalStateException(method + " returns a Slice of student data without a Page parameter");
    }

    private static List<AccessGuard.Item> items(StudentData binding, UUID groupId, Collection<?> result) {
        List<AccessGuard.Item> items = new ArrayList<>(result.size());
        for (Object element : result) {
            if (!(element instanceof StudentOwned owned)) {
                throw new IllegalStateException("a filtered @StudentData result must hold StudentOwned elements, not "
                        + element.getClass().getName());
            }
            UUID elementGroup = binding.kind().groupLinked() ? (owned.groupId() != null ? owned.groupId() : groupId) : null;
            items.add(new AccessGuard.Item(owned.studentId(), elementGroup, owned.itemFacts()));
        }
        return items;
    }

    private static ItemFacts itemFacts(StudentData binding, UUID syllabusId) {
        if (binding.kind() == DataKind.ASSESSMENT) {
            return syllabusId == null ? null : ItemFacts.assessment(syllabusId, binding.publishedOnly());
        }
        if (binding.kind() == DataKind.ASSIGNMENT) {
            return ItemFacts.publication(binding.publishedOnly());
        }
        return null;
    }

    private static StudentData bindingOf(Method method) {
        StudentData onMethod = method.getAnnotation(StudentData.class);
        return onMethod != null ? onMethod : method.getDeclaringClass().getAnnotation(StudentData.class);
    }

    private static UUID argument(InvocationContext invocation, Class<? extends Annotation> marker) {
        Annotation[][] annotations = invocation.getMethod().getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation.annotationType() == marker) {
                    Object value = invocation.getParameters()[i];
                    if (value != null && !(value instanceof UUID)) {
                        throw new IllegalStateException("@" + marker.getSimpleName() + " must mark a UUID parameter");
                    }
                    return (UUID) value;
                }
            }
        }
        return null;
    }
}
