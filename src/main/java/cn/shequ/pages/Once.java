package cn.shequ.pages;

import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Double submission (two clicks on 提交): every workbench form carries a one-time token; the first
 * request with it does the work and remembers where it led, a second one with the same token is sent
 * there too and changes nothing. Per session, remembered for the last {@link #KEPT} forms.
 */
public final class Once {

    public static final String PARAMETER = "once";
    private static final String ATTRIBUTE = Once.class.getName();
    private static final int KEPT = 50;

    private Once() {}

    public static String token() {
        return UUID.randomUUID().toString();
    }

    /** Runs {@code work} (returning the view to go to) unless {@code token} was used; then returns that view again. */
    public static String run(HttpSession session, String token, Supplier<String> work) {
        if (token == null || token.isBlank()) {
            return work.get();
        }
        Object lock = session.getId().intern();
        synchronized (lock) {
            Map<String, String> done = done(session);
            String earlier = done.get(token);
            if (earlier != null) {
                return earlier;
            }
            String view = work.get();
            if (view.startsWith("redirect:")) {
                done.put(token, view);
                session.setAttribute(ATTRIBUTE, done);
            }
            return view;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> done(HttpSession session) {
        Object kept = session.getAttribute(ATTRIBUTE);
        if (kept instanceof Map<?, ?> map) {
            return (Map<String, String>) map;
        }
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > KEPT;
            }
        };
    }
}
