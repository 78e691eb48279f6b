package se.klassrum.access.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.GroupId;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.Slice;
import se.klassrum.access.api.StudentData;
import se.klassrum.access.api.StudentId;
import se.klassrum.access.api.StudentOwned;
import se.klassrum.access.api.SyllabusId;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Enforces the access rules on every {@link StudentData} method of the application: enabled for all
 * modules by its priority, it decides before the method body runs and lets only an allowed call proceed.
 * A read of a collection or {@link Slice} without a named student is filtered element by element instead,
 * so nobody receives the whole of a list they may see only part of.
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

        if (studentId != null) {
            guard.require(binding.kind(), binding.operation(), studentId, groupId, item);
            return invocation.proceed();
        }
        if (groupId != null && binding.kind().groupContent()) {
            // Posts and assignments of a group are group content: asked about the group, not one student.
            guard.require(binding.kind(), binding.operation(), null, groupId, item);
            return invocation.proceed();
        }
        if (binding.operation() == Operation.READ && Slice.class.isAssignableFrom(method.getReturnType())) {
            Slice<?> page = (Slice<?>) invocation.proceed();
            return page.withItems(filter(binding, groupId, page.items()));
        }
        if (binding.operation() == Operation.READ && Collection.class.isAssignableFrom(method.getReturnType())) {
            return filter(binding, groupId, (Collection<?>) invocation.proceed());
        }
        throw new IllegalStateException(method + " is marked @StudentData but names no @StudentId or group, and returns "
                + "no Slice or collection of StudentOwned to filter; the rules cannot decide it");
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

    private List<Object> filter(StudentData binding, UUID groupId, Collection<?> result) {
        List<Object> visible = new ArrayList<>(result.size());
        for (Object element : result) {
            if (!(element instanceof StudentOwned owned)) {
                throw new IllegalStateException("a filtered @StudentData result must hold StudentOwned elements, not "
                        + element.getClass().getName());
            }
            UUID elementGroup = binding.kind().groupLinked() ? (owned.groupId() != null ? owned.groupId() : groupId) : null;
            if (guard.permits(binding.kind(), binding.operation(), owned.studentId(), elementGroup, owned.itemFacts())) {
                visible.add(element);
            }
        }
        return List.copyOf(visible);
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
