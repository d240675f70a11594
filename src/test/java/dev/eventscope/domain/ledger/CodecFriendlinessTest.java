package dev.eventscope.domain.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keeps events and states easy to serialize: plain records of simple types, unique simple names,
 * no bean-style getters that a JSON mapper would write as extra properties.
 */
@DisplayName("Events and states stay codec-friendly")
class CodecFriendlinessTest {

    private static final Set<Class<?>> SIMPLE = Set.of(String.class, BigDecimal.class, LocalDate.class, int.class, Integer.class,
            long.class, boolean.class, List.class, Map.class);

    private static List<Class<?>> eventTypes() {
        List<Class<?>> events = new ArrayList<>();
        for (Class<?> family : BookkeepingEvent.class.getPermittedSubclasses()) {
            events.addAll(List.of(family.getPermittedSubclasses()));
        }
        return events;
    }

    @Test
    void everyEventHasAUniqueSimpleName() {
        List<Class<?>> events = eventTypes();
        Set<String> names = new HashSet<>();
        events.forEach(event -> names.add(event.getSimpleName()));
        assertEquals(events.size(), names.size());
        assertEquals(12, events.size(), "4 ledger + 5 account + 2 entry + 1 price events; update when adding one");
    }

    @Test
    void everyEventAndStateIsARecordOfSimpleParts() {
        List<Class<?>> roots = new ArrayList<>(eventTypes());
        roots.addAll(List.of(LedgerState.class, AccountState.class, EntryState.class));
        for (Class<?> root : roots) {
            assertSimple(root, root.getSimpleName());
        }
    }

    @Test
    void everyStateHasSchemaVersionOne() throws ReflectiveOperationException {
        for (Class<?> state : List.of(LedgerState.class, AccountState.class, EntryState.class)) {
            Field version = state.getField("SCHEMA_VERSION");
            assertTrue(Modifier.isStatic(version.getModifiers()));
            assertEquals(1, version.getInt(null), state.getSimpleName());
        }
    }

    private static void assertSimple(Type type, String path) {
        if (type instanceof ParameterizedType parameterized) {
            assertSimple(parameterized.getRawType(), path);
            for (Type argument : parameterized.getActualTypeArguments()) {
                assertSimple(argument, path + "<>");
            }
            return;
        }
        Class<?> raw = (Class<?>) type;
        if (SIMPLE.contains(raw) || raw.isEnum()) {
            return;
        }
        assertTrue(raw.isRecord(), path + " is " + raw.getName() + ", neither a simple type, an enum nor a record");
        for (Method method : raw.getDeclaredMethods()) {
            boolean beanGetter = !Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 0
                    && (method.getName().matches("get[A-Z].*")
                        || method.getName().matches("is[A-Z].*") && method.getReturnType() == boolean.class);
            assertTrue(!beanGetter, raw.getSimpleName() + "." + method.getName()
                    + "() looks like a bean getter; a JSON mapper would write it as a property");
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            assertSimple(component.getGenericType(), path + "." + component.getName());
        }
    }
}
